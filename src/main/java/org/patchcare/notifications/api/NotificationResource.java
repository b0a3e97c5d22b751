package org.patchcare.notifications.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.notifications.application.NotificationService;
import org.patchcare.notifications.application.NotificationView;
import org.patchcare.shared.api.Problem;
import org.patchcare.shared.api.QueryParams;

import java.util.List;
import java.util.Map;

/** The caller's own in-app notifications. */
@Path("notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "Messages for the caller, e.g. controls and risk acceptances about to expire")
@APIResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class NotificationResource {

    @Inject
    NotificationService notifications;

    @GET
    @Operation(summary = "My notifications", description = "Newest first, at most " + NotificationService.LIST_MAX + ".")
    public List<NotificationView> list(@Parameter(description = "true: only unread ones") @QueryParam("unread") String unread) {
        return notifications.myNotifications(Boolean.TRUE.equals(QueryParams.bool("unread", unread)));
    }

    @GET
    @Path("count")
    @Operation(summary = "How many of my notifications are unread")
    public Map<String, Long> count() {
        return Map.of("unread", notifications.unreadCount());
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Mark one of my notifications read")
    @APIResponse(responseCode = "404", description = "No notification of the caller has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NotificationView read(@PathParam("id") String id) {
        return notifications.markRead(id);
    }

    @POST
    @Path("read")
    @Operation(summary = "Mark all my notifications read")
    public Map<String, Integer> readAll() {
        return Map.of("marked", notifications.markAllRead());
    }
}
