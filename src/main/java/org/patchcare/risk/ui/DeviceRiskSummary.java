package org.patchcare.risk.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinRequest;
import org.patchcare.risk.application.RiskViews.DeviceRisk;
import org.patchcare.shared.ui.ViewAccessControl;

/** The device screen's one-line risk summary: the device's score and its open exposures by priority. */
public final class DeviceRiskSummary {

    private DeviceRiskSummary() {
    }

    public static Div of(DeviceRisk r) {
        Div box = new Div();
        box.addClassName("pc-device-risk");
        box.setId("device-risk");
        Span label = new Span("Risk");
        label.addClassName("pc-field-label");
        box.add(label);
        if (r.openExposures() == 0) {
            box.add(new Span("no open exposure"));
            return box;
        }
        Span score = new Span("score " + r.score());
        score.addClassName("pc-device-risk-score");
        score.getElement().setAttribute("title", "The device's worst exposure score (0–100): the higher, the more urgent");
        box.add(score);
        int[] counts = {r.immediate(), r.outOfCycle(), r.scheduled(), r.deferred()};
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                Span badge = RiskFormats.outcomeBadge(RiskFormats.URGENT_FIRST.get(i).name());
                badge.setText(counts[i] + " " + badge.getText().toLowerCase(java.util.Locale.ROOT));
                box.add(badge);
            }
        }
        if (ViewAccessControl.mayOpen(RiskQueueView.class, VaadinRequest.getCurrent())) {
            box.add(new Anchor(RiskQueueView.linkToDevice(r.assetTag()), "Open in the work queue"));
        }
        return box;
    }
}
