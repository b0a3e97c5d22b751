package org.patchcare.inventory.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import org.patchcare.inventory.domain.MissionImpact;

/**
 * The choice of a department's mission impact: every option shows its label and what it means, and the chosen one's
 * meaning stays below the field as its helper text.
 */
public class MissionImpactSelect extends Select<MissionImpact> {

    public MissionImpactSelect() {
        setLabel("Mission impact when a device is down");
        setItems(MissionImpact.values());
        setItemLabelGenerator(m -> m == null ? "" : m.label());
        setRenderer(new ComponentRenderer<>(MissionImpactSelect::option));
        setEmptySelectionAllowed(false);
        addValueChangeListener(e -> setHelperText(e.getValue() == null ? null : e.getValue().help()));
        setValue(MissionImpact.MEF_SUPPORT_CRIPPLED);
    }

    private static Div option(MissionImpact m) {
        Span label = new Span(m.label());
        label.getStyle().set("font-weight", "600");
        Div help = new Div(m.help());
        help.addClassName("pc-muted");
        help.getStyle().set("font-size", "var(--lumo-font-size-s)").set("white-space", "normal");
        Div option = new Div(label, help);
        option.getStyle().set("max-width", "32em");
        return option;
    }
}
