package org.patchcare.advisories.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.advisories.application.AdvisoryFeedService;
import org.patchcare.advisories.application.AdvisoryFeedService.FeedView;
import org.patchcare.advisories.application.AdvisoryFeedService.PollReport;
import org.patchcare.shared.api.Problem;

import java.util.List;

/** CSAF provider feeds PatchCare polls: list, add, remove, poll now. For IT security and administrators. */
@Path("advisory-feeds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Advisory feeds", description = "CSAF providers polled for new and changed advisories")
@APIResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Only IT security and administrators",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AdvisoryFeedResource {

    @Inject
    AdvisoryFeedService feeds;

    /** A feed to add: a ROLIE feed, changes.csv or index.txt URL. */
    public record NewFeed(String url) {
    }

    @GET
    @Operation(summary = "The configured feeds and how their last poll went")
    public List<FeedView> list() {
        return feeds.feeds();
    }

    @POST
    @Operation(summary = "Add a feed", description = "Adding a known feed changes nothing.")
    @APIResponse(responseCode = "201", description = "The feed")
    public Response add(@NotNull(message = "send {\"url\": \"...\"}") NewFeed body) {
        return Response.status(201).entity(feeds.addFeed(body.url())).build();
    }

    @DELETE
    @Operation(summary = "Remove a feed")
    public Response remove(@QueryParam("url") String url) {
        feeds.removeFeed(url);
        return Response.noContent().build();
    }

    @POST
    @Path("poll")
    @Operation(summary = "Poll every enabled feed now",
            description = "Fetches what changed since the last poll, imports each document, and reports per feed.")
    public List<PollReport> poll() {
        return feeds.pollAll(null);
    }

    @POST
    @Path("folder")
    @Operation(summary = "Import the configured advisory folder now",
            description = "Every *.json file of PATCHCARE_CSAF_FOLDER is imported; each moves to imported/ or "
                    + "rejected/ (with a .txt saying why). The scheduled job does the same every minute.")
    public PollReport importFolder() {
        return feeds.importConfiguredFolder();
    }
}
