package org.patchcare.downtime.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.patchcare.downtime.application.ApprovalDecision;
import org.patchcare.downtime.application.ChangeRequestService;
import org.patchcare.downtime.application.DowntimeViews.ChangeRequestDetails;
import org.patchcare.downtime.application.DowntimeViews.WindowView;
import org.patchcare.inventory.ui.Notices;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.DomainException;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Asks for what one action on a change request needs and runs it with the version the person saw: a comment (required
 * to reject, propose another window or report a failure), the reason for going ahead despite conflicts (approve,
 * schedule), or the other window an approver proposes, in the facility's local time. The service's refusal stays in
 * the dialog; a stale version closes it and offers to reload.
 */
class ActionDialog extends Dialog {

    final RequestAction action;
    final TextArea comment = new TextArea();
    final TextArea override = new TextArea("Why go ahead despite the conflicts");
    final DateTimePicker proposedStart = DowntimeFormats.iso(new DateTimePicker("Proposed start"));
    final DateTimePicker proposedEnd = DowntimeFormats.iso(new DateTimePicker("Proposed end"));
    final Button confirm;
    private final ZoneId zone;

    ActionDialog(RequestAction action, ChangeRequestDetails d, ChangeRequestService service,
                 Consumer<ChangeRequestDetails> done, Runnable reload) {
        this.action = action;
        this.zone = DowntimeFormats.zone(DowntimeFormats.zoneOf(d));
        setHeaderTitle(action.label().replace("…", "") + ": " + d.summary().reference());
        setId("action-dialog");
        setWidth("34em");
        Paragraph text = new Paragraph(explanation(action, d));
        text.addClassName("pc-muted");
        add(text);
        boolean needsOverride = !d.conflicts().isEmpty()
                && (action == RequestAction.APPROVE || action == RequestAction.SCHEDULE);
        if (needsOverride) {
            add(DowntimeFormats.conflicts(d.conflicts(), tag -> zone.getId()));
            override.setId("action-override");
            override.setRequired(true);
            override.setWidthFull();
            override.setPlaceholder("e.g. Two spare pumps are on the ward during the window");
            add(override);
        }
        if (action == RequestAction.PROPOSE_WINDOW) {
            proposedStart.setId("action-proposed-start");
            proposedEnd.setId("action-proposed-end");
            String zoneName = zone.getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH);
            proposedStart.setHelperText("Local time of the hospital (" + zone.getId() + ", " + zoneName + ")");
            proposedStart.setStep(java.time.Duration.ofMinutes(15));
            proposedEnd.setStep(java.time.Duration.ofMinutes(15));
            if (!d.windows().isEmpty()) {
                WindowView w = d.windows().getFirst();
                proposedStart.setValue(LocalDateTime.ofInstant(w.start(), zone).plusDays(1));
                proposedEnd.setValue(LocalDateTime.ofInstant(w.end(), zone).plusDays(1));
            }
            add(proposedStart, proposedEnd);
        }
        comment.setId("action-comment");
        comment.setLabel(action.commentRequired() ? "Comment (required)" : "Comment (optional)");
        comment.setRequired(action.commentRequired());
        comment.setWidthFull();
        add(comment);
        confirm = new Button(action.label().replace("…", ""), e -> confirm(d, service, done, reload, needsOverride));
        confirm.setId("action-confirm");
        confirm.addThemeVariants(action == RequestAction.REJECT || action == RequestAction.CANCEL
                || action == RequestAction.FAIL ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Back", e -> close());
        cancel.setId("action-back");
        getFooter().add(cancel, confirm);
    }

    private void confirm(ChangeRequestDetails d, ChangeRequestService service, Consumer<ChangeRequestDetails> done,
                         Runnable reload, boolean needsOverride) {
        comment.setInvalid(false);
        override.setInvalid(false);
        proposedStart.setInvalid(false);
        if (action.commentRequired() && comment.getValue().isBlank()) {
            comment.setErrorMessage("Please write a few words; the requester and the audit trail see them.");
            comment.setInvalid(true);
            return;
        }
        if (needsOverride && override.getValue().isBlank()) {
            override.setErrorMessage("Say why the work can go ahead although it clashes; this is kept in the audit trail.");
            override.setInvalid(true);
            return;
        }
        Instant start = null;
        Instant end = null;
        if (action == RequestAction.PROPOSE_WINDOW) {
            if (proposedStart.getValue() == null || proposedEnd.getValue() == null
                    || !proposedEnd.getValue().isAfter(proposedStart.getValue())) {
                proposedStart.setErrorMessage("Give a start and an end after it.");
                proposedStart.setInvalid(true);
                return;
            }
            start = proposedStart.getValue().atZone(zone).toInstant();
            end = proposedEnd.getValue().atZone(zone).toInstant();
        }
        try {
            ChangeRequestDetails after = perform(service, action, d, blank(comment.getValue()),
                    needsOverride ? override.getValue().strip() : null, start, end);
            close();
            done.accept(after);
        } catch (ConflictException ex) {
            close();
            Notices.conflict(ex.getMessage(), reload);
        } catch (InvalidInputException ex) {
            comment.setErrorMessage(String.join("; ", ex.violations().stream()
                    .map(InvalidInputException.Violation::message).toList()));
            comment.setInvalid(true);
        } catch (DomainException ex) {
            comment.setErrorMessage(ex.getMessage());
            comment.setInvalid(true);
        }
    }

    /** Calls the service operation of an action with the version the person saw. */
    static ChangeRequestDetails perform(ChangeRequestService service, RequestAction action, ChangeRequestDetails d,
                                        String comment, String override, Instant start, Instant end) {
        String id = d.summary().id();
        int v = d.summary().version();
        return switch (action) {
            case SUBMIT -> service.submit(id, v, comment);
            case APPROVE -> service.approve(id, v, new ApprovalDecision(comment, override, null, null));
            case REJECT -> service.reject(id, v, new ApprovalDecision(comment, null, null, null));
            case PROPOSE_WINDOW -> service.proposeWindow(id, v, new ApprovalDecision(comment, null, start, end));
            case SCHEDULE -> service.schedule(id, v, comment, override);
            case START -> service.start(id, v, comment);
            case COMPLETE -> service.complete(id, v, comment);
            case FAIL -> service.fail(id, v, comment);
            case ROLL_BACK -> service.rollBack(id, v, comment);
            case CANCEL -> service.cancel(id, v, comment);
            case EDIT -> throw new IllegalArgumentException("edit is a screen, not a service call");
        };
    }

    private static String explanation(RequestAction action, ChangeRequestDetails d) {
        return switch (action) {
            case SUBMIT -> "The clinical managers of the affected departments and IT security will be asked to approve.";
            case APPROVE -> d.conflicts().isEmpty() ? "You agree that the devices may be taken down in the proposed "
                    + "window." : "The proposed window clashes with the following. Approve only if the department can "
                    + "cope, and say why.";
            case REJECT -> "The request ends here. Tell the requester why, so they can plan differently.";
            case PROPOSE_WINDOW -> "The request goes back to the requester with the window you propose; they submit it "
                    + "again.";
            case SCHEDULE -> "The windows are confirmed and appear in the department calendars.";
            case START -> "The devices are now being worked on and are out of use.";
            case COMPLETE -> "The work is done and the devices are back in use.";
            case FAIL -> "The work did not succeed. Describe what happened; the next step is to roll back.";
            case ROLL_BACK -> "The devices were put back as they were before the work.";
            case CANCEL -> "The request is called off; its windows are freed.";
            case EDIT -> "";
        };
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
