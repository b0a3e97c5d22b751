package org.patchcare.downtime.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.downtime.application.CalendarFeedPublisher;
import org.patchcare.downtime.application.CalendarService;
import org.patchcare.downtime.application.ChangeRequestCommand.WindowProposal;
import org.patchcare.downtime.application.ConflictService;
import org.patchcare.downtime.application.DowntimeViews.CalendarFeedView;
import org.patchcare.downtime.application.DowntimeViews.ConflictView;
import org.patchcare.downtime.application.DowntimeViews.WindowView;
import org.patchcare.downtime.application.IcsWriter;
import org.patchcare.downtime.application.WindowFilter;
import org.patchcare.downtime.domain.WindowStatus;
import org.patchcare.shared.api.Problem;
import org.patchcare.shared.api.QueryParams;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Downtime windows for calendars, the conflict check of proposed windows, and iCalendar feeds: the caller's
 * subscriptions (create, list, revoke) and the feed itself, fetched by calendar clients without a login (the token in
 * the URL is the credential; PatchCareAuthenticationMechanism lets only that path through anonymously).
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Downtime calendar", description = "Downtime windows, conflicts and iCalendar feeds")
public class CalendarResource {

    /** The path of a feed; the token is base64url. Kept in step with PatchCareAuthenticationMechanism.ANONYMOUS_API. */
    public static final String FEED = "calendar/feeds/{token: [A-Za-z0-9_-]{20,100}}.ics";

    @Inject
    CalendarService calendar;
    @Inject
    ConflictService conflicts;
    @Inject
    CalendarFeedPublisher publisher;

    /** A department to subscribe to. */
    public record FeedRequest(String department) {
    }

    /** Proposed windows to check; {@code excludingRequest} leaves that request's own windows out. */
    public record ConflictRequest(List<WindowProposal> windows, String technician, String excludingRequest) {
    }

    @GET
    @Path("windows")
    @Operation(summary = "Downtime windows overlapping a range", description = "from/to: ISO-8601 instants, at most 62 "
            + "days apart; at most 2,000 windows. Clinical managers see their departments only.")
    public List<WindowView> windows(@QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("department") String department,
                                    @QueryParam("facility") String facility,
                                    @Parameter(description = "the device model's type, e.g. CT scanner")
                                    @QueryParam("deviceType") String deviceType,
                                    @QueryParam("assetTag") String assetTag,
                                    @Parameter(description = "PROPOSED, APPROVED, IN_PROGRESS, DONE or CANCELLED")
                                    @QueryParam("status") List<String> status) {
        Set<WindowStatus> statuses = EnumSet.noneOf(WindowStatus.class);
        if (status != null) {
            status.stream().flatMap(s -> java.util.Arrays.stream(s.split(","))).filter(s -> !s.isBlank())
                    .forEach(s -> statuses.add(QueryParams.enumValue("status", s, WindowStatus.class)));
        }
        return calendar.windows(new WindowFilter(DowntimeApi.instant("from", from), DowntimeApi.instant("to", to),
                QueryParams.text(department), QueryParams.text(facility), QueryParams.text(deviceType),
                QueryParams.text(assetTag), statuses.isEmpty() ? null : statuses));
    }

    @POST
    @Path("windows/conflicts")
    @Operation(summary = "Check proposed windows for conflicts", description = "Device already down, blackout, "
            + "redundancy group below its minimum, technician double-booked; each with a sentence.")
    public List<ConflictView> conflicts(@NotNull(message = "send {\"windows\": [...]}") ConflictRequest body) {
        return conflicts.check(body.windows(), body.technician(), body.excludingRequest());
    }

    @GET
    @Path("calendar/feeds")
    @Operation(summary = "The caller's calendar subscriptions (without their URLs)")
    public List<CalendarFeedView> myFeeds() {
        return calendar.myFeeds();
    }

    @POST
    @Path("calendar/feeds")
    @Operation(summary = "Subscribe to a department's downtime calendar", description = "The answer's url holds the "
            + "secret token and is shown only now; add it to Outlook, Google or Apple Calendar as an internet calendar.")
    @APIResponse(responseCode = "201", description = "Created; url is the subscription address")
    public Response createFeed(@NotNull(message = "send {\"department\": \"ICU\"}") FeedRequest body) {
        CalendarFeedView created = calendar.createFeed(body.department());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @DELETE
    @Path("calendar/feeds/{id}")
    @Operation(summary = "Revoke one of the caller's subscriptions", description = "Its URL answers 404 from now on.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revokeFeed(@PathParam("id") String id) {
        calendar.revokeFeed(id);
        return Response.noContent().build();
    }

    @GET
    @Path(FEED)
    @Produces(IcsWriter.MEDIA_TYPE)
    @Operation(summary = "A department's downtime calendar (iCalendar, no login: the token is the credential)")
    @APIResponse(responseCode = "200", description = "The calendar", content = @Content(mediaType = "text/calendar"))
    @APIResponse(responseCode = "404", description = "Unknown or revoked token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response feed(@PathParam("token") String token) {
        return Response.ok(publisher.ics(token), IcsWriter.MEDIA_TYPE).header("Cache-Control", "private, max-age=300")
                .build();
    }
}
