package org.patchcare.risk.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.inventory.ui.Caller;
import org.patchcare.inventory.ui.Formats;
import org.patchcare.inventory.ui.ReadOnlyField;
import org.patchcare.risk.application.AcceptanceService;
import org.patchcare.risk.application.MitigationViews.AcceptanceFilter;
import org.patchcare.risk.application.MitigationViews.AcceptanceView;
import org.patchcare.shared.domain.Roles;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The Acceptance tab of an exposure: its newest risk acceptance (status, who asked, the clinical and the IT security
 * approval, until when) with a link to the Acceptances screen where they are decided, and "Request acceptance…" for
 * IT security and biomed when none is requested or approved. {@code changed} runs after a request.
 */
class ExposureAcceptance extends VerticalLayout {

    private static final Set<String> RUNNING = Set.of("REQUESTED", "APPROVED");
    private static final Set<String> OPEN = Set.of("AFFECTED", "UNDER_INVESTIGATION");

    final Button request = new Button("Request acceptance…", VaadinIcon.HANDSHAKE.create());

    ExposureAcceptance(AcceptanceService acceptances, String exposureId, String state, String what, Runnable changed) {
        setPadding(false);
        setId("acceptance-section");
        List<AcceptanceView> last = acceptances.list(new AcceptanceFilter(null, null, exposureId), PageRequest.first(1));
        AcceptanceView a = last.isEmpty() ? null : last.getFirst();
        if (a == null) {
            Paragraph none = new Paragraph("No risk acceptance has been requested for this exposure.");
            none.addClassName("pc-muted");
            add(none);
        } else {
            Div facts = new Div();
            facts.addClassNames("pc-fields", "pc-decision-facts");
            facts.setId("acceptance-facts");
            facts.add(ReadOnlyField.of("Status", RiskBadges.acceptance(a)),
                    ReadOnlyField.of("Until", new Span(Formats.date(a.expiresOn()))),
                    ReadOnlyField.of("Requested", new Span(who(a.requestedBy(), a.requestedAt()))),
                    ReadOnlyField.of("Clinical manager", new Span(who(a.clinicalApprover(), a.clinicalDecidedAt()))),
                    ReadOnlyField.of("IT security", new Span(who(a.securityApprover(), a.securityDecidedAt()))),
                    ReadOnlyField.of("Why", new Span(a.reason())));
            if (a.decisionComment() != null && !a.decisionComment().isBlank()) {
                facts.add(ReadOnlyField.of("Comment", new Span(a.decisionComment())));
            }
            Anchor link = new Anchor("acceptances", "REQUESTED".equals(a.status())
                    ? "Approve or reject on the Acceptances screen →" : "All risk acceptances →");
            link.setId("acceptance-link");
            add(facts, link);
        }
        boolean running = a != null && RUNNING.contains(a.status());
        if (!running && OPEN.contains(state) && (Caller.hasRole(Roles.IT_SECURITY) || Caller.hasRole(Roles.BIOMED_TECH))) {
            request.setId("exposure-request-acceptance");
            request.setTooltipText("Ask a clinical manager and IT security to accept the risk for a limited time");
            request.addClickListener(e -> {
                RequestAcceptanceDialog d = new RequestAcceptanceDialog(acceptances, exposureId, what);
                d.addSavedListener(s -> changed.run());
                d.open();
            });
            add(request);
        }
    }

    private static String who(String user, Instant at) {
        return user == null ? "awaiting" : user + ", " + Formats.dateTime(at);
    }
}
