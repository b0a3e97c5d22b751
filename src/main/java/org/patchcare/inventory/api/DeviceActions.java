package org.patchcare.inventory.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.patchcare.inventory.domain.DeviceEventType;

/**
 * Request bodies of the device lifecycle actions. {@code version} is optional: when sent, the action is refused with
 * 409 if the device changed since the caller read that version.
 */
public final class DeviceActions {

    public static final int COMMENT_MAX = 1000;

    private DeviceActions() {
    }

    /** Move to another department (and optionally a location of it, by its public id). */
    public record Move(@NotBlank(message = "name the department to move the device to, by its code")
                       @Size(max = 20) String department,
                       @Size(max = 36) String locationId,
                       @Size(max = COMMENT_MAX) String comment,
                       Integer version) {
    }

    /** Take out of service; {@code forRepair} true marks it as in repair. */
    public record OutOfService(Boolean forRepair, @Size(max = COMMENT_MAX) String comment, Integer version) {
    }

    /** Retire, or return to service. */
    public record Transition(@Size(max = COMMENT_MAX) String comment, Integer version) {
    }

    /** A maintenance event: RECEIVED, INSTALLED, REPAIRED or PREVENTIVE_MAINTENANCE. */
    public record Event(@NotNull(message = "say which event: RECEIVED, INSTALLED, REPAIRED or PREVENTIVE_MAINTENANCE")
                        DeviceEventType type,
                        @Size(max = COMMENT_MAX) String comment) {
    }
}
