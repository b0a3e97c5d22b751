package org.patchcare.identity.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.identity.application.ApiTokenService;
import org.patchcare.identity.application.ApiTokenViews.CreatedToken;
import org.patchcare.identity.application.ApiTokenViews.TokenCommand;
import org.patchcare.identity.application.ApiTokenViews.TokenView;
import org.patchcare.shared.api.Problem;

import java.util.List;

/** API tokens of machine clients (administrators only): list, create (the secret is in this answer only), revoke. */
@Path("api-tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API tokens")
@APIResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Only administrators manage API tokens",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ApiTokenResource {

    @Inject
    ApiTokenService tokens;
    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "All API tokens, active first; never their secrets")
    public List<TokenView> list() {
        return tokens.list();
    }

    @POST
    @Operation(summary = "Create an API token", description = "Body: name, roles (BIOMED_TECH, IT_SECURITY, "
            + "CLINICAL_MANAGER; not ADMIN), expiresInDays (1 to 366, default 90). The answer holds the secret: it is "
            + "shown this once and cannot be read again. Send it as 'Authorization: Bearer <secret>'.")
    @APIResponse(responseCode = "201", description = "Created; the body holds the secret")
    @APIResponse(responseCode = "409", description = "A token of that name exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid name, roles or expiry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(TokenCommand body) {
        CreatedToken created = tokens.create(body == null ? new TokenCommand(null, null, null) : body);
        return Response.created(uriInfo.getAbsolutePathBuilder().segment(created.token().id()).build())
                .header("Cache-Control", "no-store").entity(created).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke an API token at once (its later requests get 401)")
    @APIResponse(responseCode = "200", description = "Revoked (also when it already was)")
    @APIResponse(responseCode = "404", description = "No such token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TokenView revoke(@PathParam("id") String id) {
        return tokens.revoke(id);
    }
}
