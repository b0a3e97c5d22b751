package org.patchcare.risk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.inventory.ui.Caller;
import org.patchcare.inventory.ui.Formats;
import org.patchcare.inventory.ui.ReadOnlyField;
import org.patchcare.inventory.ui.Notices;
import org.patchcare.risk.application.AcceptanceService;
import org.patchcare.risk.application.ControlService;
import org.patchcare.risk.application.RiskService;
import org.patchcare.risk.application.ValidationService;
import org.patchcare.risk.application.RiskViews.DecisionChangeView;
import org.patchcare.risk.application.RiskViews.DecisionDetails;
import org.patchcare.risk.application.RiskViews.PointView;
import org.patchcare.risk.application.RiskViews.ScoreFactor;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;
import org.patchcare.shared.ui.ViewAccessControl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One exposure's SSVC decision for people who must understand it without training: what to do by when in one plain
 * sentence, the four decision points with their evidence (IT security may override each, with a reason), the score as
 * a picture of its factors, and how the decision changed; tabs show the exposure's compensating controls, validation
 * results and risk acceptance, with the dialogs that change them.
 */
@Route(value = "risk/exposures/:exposureId", layout = MainLayout.class)
@RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN, Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER})
public class ExposureDecisionView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String EXPOSURE_ID = "exposureId";

    private final RiskService risk;
    private final ControlService controls;
    private final ValidationService validations;
    private final AcceptanceService acceptances;
    private String title = "Exposure · PatchCare";
    private DecisionDetails shown;
    private TabSheet tabs;

    @Inject
    public ExposureDecisionView(RiskService risk, ControlService controls, ValidationService validations,
                                AcceptanceService acceptances) {
        this.risk = risk;
        this.controls = controls;
        this.validations = validations;
        this.acceptances = acceptances;
        setMaxWidth("90em");
        setId("exposure-decision");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get(EXPOSURE_ID).orElse("");
        tabs = null; // another exposure opens on its history
        try {
            show(risk.decision(id));
        } catch (NotFoundException e) {
            removeAll();
            add(back(), new H2("Exposure not found"), new Paragraph(e.getMessage()));
        }
    }

    /** Shows the decision as it is now (also after an override or a mitigation; the chosen tab stays). */
    void show(DecisionDetails d) {
        int tab = tabs == null ? 0 : tabs.getSelectedIndex();
        shown = d;
        title = d.assetTag() + " · " + d.cve() + " · PatchCare";
        removeAll();
        add(back(), header(d), outcomePanel(d));
        H3 why = new H3("Why: the four decision points");
        why.addClassName("pc-section-title");
        add(why, points(d));
        H3 score = new H3("Exposure score");
        score.addClassName("pc-section-title");
        add(score, score(d));
        tabs = new TabSheet();
        tabs.setId("decision-tabs");
        tabs.setWidthFull();
        tabs.add("History", history(d)).setId("tab-history");
        tabs.add("Controls", controls(d)).setId("tab-controls");
        tabs.add("Validation", validation(d)).setId("tab-validation");
        tabs.add("Acceptance", acceptance(d)).setId("tab-acceptance");
        tabs.setSelectedIndex(Math.max(tab, 0));
        add(tabs);
    }

    DecisionDetails shown() {
        return shown;
    }

    private static Component back() {
        boolean queue = ViewAccessControl.mayOpen(RiskQueueView.class, VaadinRequest.getCurrent());
        Anchor a = queue ? new Anchor("risk", "← Work queue") : new Anchor("risk/dashboard", "← Risk dashboard");
        a.addClassName("pc-muted");
        return a;
    }

    // ---- header and outcome ----------------------------------------------------------------

    private static Component header(DecisionDetails d) {
        H2 h = new H2(d.assetTag() + (d.model() == null ? "" : " · " + d.model()));
        h.setId("decision-title");
        h.getStyle().set("margin", "0");
        Div facts = new Div();
        facts.addClassNames("pc-fields", "pc-decision-facts");
        field(facts, "Device", new Anchor("devices/" + d.assetTag(), d.assetTag()),
                new Span(d.deviceType() == null ? "" : " · " + d.deviceType()));
        field(facts, "Department", new Span(d.department() + " – " + d.departmentName()));
        Span cve = new Span(d.cve());
        cve.setId("decision-cve");
        cve.getElement().setAttribute("title", "CVE: the public id of the weakness. CVSS: its severity from 0 to 10 "
                + "as the vendor rates it.");
        field(facts, "Vulnerability (CVE)", cve, new Span(d.cvss() == null ? "" : " · CVSS " + d.cvss().toPlainString()));
        Anchor advisory = new Anchor("advisories/" + d.trackingId(), d.trackingId());
        advisory.setId("decision-advisory");
        field(facts, "Advisory", advisory, new Span(d.advisoryTitle() == null ? "" : " · " + d.advisoryTitle()));
        Span state = new Span(stateLabel(d.state()));
        state.addClassNames("pc-badge", "pc-exposure", d.state().toLowerCase(Locale.ROOT));
        state.setId("decision-state");
        state.getElement().setAttribute("title", "The exposure's state as IT security recorded it (VEX)");
        field(facts, "State", state);
        VerticalLayout v = new VerticalLayout(h, facts);
        v.setPadding(false);
        v.setSpacing(false);
        return v;
    }

    private static String stateLabel(String state) {
        String s = state.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void field(Div facts, String label, Component... value) {
        facts.add(ReadOnlyField.of(label, value));
    }

    private static Component outcomePanel(DecisionDetails d) {
        Span badge = RiskFormats.outcomeBadge(d.outcome());
        badge.addClassName("pc-outcome-big");
        badge.setId("decision-outcome");
        Span due = new Span("Due " + RiskFormats.day(d.dueAt()));
        due.setId("decision-due");
        due.addClassName("pc-due-big");
        if (d.overdue() && d.acceptedUntil() == null) {
            due.setText("Overdue since " + RiskFormats.day(d.dueAt()));
            due.addClassName("pc-overdue");
        }
        HorizontalLayout top = new HorizontalLayout(badge, due);
        top.setAlignItems(FlexComponent.Alignment.CENTER);
        Paragraph sentence = new Paragraph(DecisionSentence.of(d));
        sentence.setId("decision-sentence");
        sentence.addClassName("pc-decision-sentence");
        Div panel = new Div(top, sentence);
        panel.addClassNames("pc-outcome-panel", RiskFormats.outcomeClass(d.outcome()));
        if (d.acceptedUntil() != null) {
            panel.add(note("The risk is accepted until " + d.acceptedUntil() + ": it stays out of the work queue until then."));
        }
        if (d.pendingCause() != null) {
            panel.add(note("Being decided again (" + d.pendingCause() + "); reload in a few seconds."));
        }
        return panel;
    }

    private static Paragraph note(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("pc-muted");
        p.getStyle().set("margin", "0");
        return p;
    }

    // ---- decision points -------------------------------------------------------------------

    private Component points(DecisionDetails d) {
        Div cards = new Div();
        cards.addClassName("pc-point-cards");
        boolean mayOverride = Caller.hasRole(Roles.IT_SECURITY);
        for (PointView p : d.points()) {
            cards.add(card(d, p, mayOverride));
        }
        return cards;
    }

    private Component card(DecisionDetails d, PointView p, boolean mayOverride) {
        Span name = new Span(RiskFormats.pointLabel(p.point()) + " ");
        name.addClassName("pc-point-name");
        Icon info = VaadinIcon.INFO_CIRCLE_O.create();
        info.addClassName("pc-info");
        info.setTooltipText(RiskFormats.howDecided(p.point()));
        HorizontalLayout head = new HorizontalLayout(new Span(name, info));
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.setWidthFull();
        head.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        if (p.overridden()) {
            Span mark = new Span("✎ overridden");
            mark.addClassNames("pc-badge", "pc-overridden");
            mark.getElement().setAttribute("title", "IT security set this value by hand; the evidence says why.");
            head.add(mark);
        }
        Paragraph question = new Paragraph(RiskFormats.question(p.point()));
        question.addClassNames("pc-muted", "pc-point-question");
        Span value = new Span(p.valueLabel());
        value.addClassNames("pc-point-value", RiskFormats.level(p.point(), p.value()));
        Paragraph meaning = new Paragraph(RiskFormats.meaning(p.point(), p.value()));
        meaning.addClassName("pc-point-meaning");
        Span evidenceLabel = new Span("Evidence: ");
        evidenceLabel.addClassName("pc-field-label");
        Paragraph evidence = new Paragraph(evidenceLabel, new Span(p.why()));
        evidence.addClassName("pc-point-evidence");
        Div card = new Div(head, question, value, meaning, evidence);
        card.addClassNames("pc-card", "pc-point-card");
        card.setId("point-" + p.point().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (mayOverride) {
            HorizontalLayout actions = new HorizontalLayout();
            actions.getStyle().set("flex-wrap", "wrap");
            Button override = new Button("Override…", VaadinIcon.EDIT.create(),
                    e -> OverrideDialog.override(p.point(), p.value(), (v, reason) -> {
                        show(risk.override(d.exposureId(), p.point(), v, reason));
                        Notices.saved(RiskFormats.pointLabel(p.point()) + " overridden; the exposure was decided again.");
                    }).open());
            override.addThemeVariants(ButtonVariant.LUMO_SMALL);
            override.addClassName("pc-override");
            actions.add(override);
            if (p.overridden()) {
                Button remove = new Button("Remove override…", e -> OverrideDialog.removal(p.point(), p.value(),
                        (v, reason) -> {
                            show(risk.removeOverride(d.exposureId(), p.point(), reason));
                            Notices.saved("Override removed; the exposure was decided again.");
                        }).open());
                remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                remove.addClassName("pc-remove-override");
                actions.add(remove);
            }
            card.add(actions);
        }
        return card;
    }

    // ---- score -----------------------------------------------------------------------------

    /** The score 0–100 as a picture: one coloured part per factor on a 100-wide track, with a legend. */
    static Component score(DecisionDetails d) {
        Span number = new Span(Integer.toString(d.score()));
        number.addClassName("pc-score-number");
        Span of = new Span(" / 100");
        of.addClassName("pc-muted");
        Span total = new Span(number, of);
        total.setId("decision-score");
        List<StackedBar.Part> parts = new ArrayList<>();
        Div legend = new Div();
        legend.addClassName("pc-legend");
        legend.getElement().setAttribute("title", RiskFormats.SCORE_TERMS);
        int i = 0;
        for (ScoreFactor f : d.factors()) {
            String css = "f" + (i++ % 6);
            String name = Character.toUpperCase(f.factor().charAt(0)) + f.factor().substring(1);
            parts.add(new StackedBar.Part(f.points(), css, "+" + f.points(), name + ": +" + f.points()));
            Span swatch = new Span();
            swatch.addClassNames("pc-swatch", "pc-seg", css);
            Span item = new Span(swatch, new Span(name + " "), plus(f.points()));
            item.addClassName("pc-legend-item");
            legend.add(item);
        }
        Div bar = StackedBar.of(parts, 100, "Exposure score " + d.score() + " of 100");
        bar.setId("score-bar");
        bar.addClassName("pc-score-bar");
        Paragraph explain = new Paragraph("The score adds up these points. It ranks exposures that have the same "
                + "priority: the higher, the sooner.");
        explain.addClassName("pc-muted");
        VerticalLayout v = new VerticalLayout(total, bar, legend, explain);
        v.setPadding(false);
        v.setSpacing(false);
        v.addClassName("pc-score");
        return v;
    }

    private static Span plus(int points) {
        Span s = new Span("+" + points);
        s.addClassName("pc-legend-points");
        return s;
    }

    // ---- history, controls, validation, acceptance ------------------------------------------

    private Component history(DecisionDetails d) {
        List<DecisionChangeView> changes = risk.history(d.exposureId());
        Grid<DecisionChangeView> g = new Grid<>();
        g.setId("decision-history");
        g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        g.addColumn(c -> Formats.dateTime(c.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        g.addColumn(new ComponentRenderer<>(c -> {
            Span box = new Span();
            if (c.fromOutcome() != null) {
                box.add(badgeForLabel(c.fromOutcome()), new Span(" → "));
            }
            box.add(badgeForLabel(c.toOutcome()));
            return box;
        })).setHeader("Priority").setAutoWidth(true).setFlexGrow(0);
        g.addColumn(c -> (c.fromScore() == null ? "" : c.fromScore() + " → ") + c.toScore()).setHeader("Score")
                .setAutoWidth(true).setFlexGrow(0);
        g.addColumn(DecisionChangeView::cause).setHeader("Cause").setFlexGrow(1);
        g.addColumn(DecisionChangeView::detail).setHeader("What changed").setFlexGrow(2);
        g.setItems(changes);
        g.setAllRowsVisible(true);
        g.setEmptyStateText("No change recorded yet.");
        return g;
    }

    /** The history carries SSVC labels ("out-of-cycle"); the badge wants the enum name. */
    private static Span badgeForLabel(String label) {
        return RiskFormats.outcomeBadge(label.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private Component controls(DecisionDetails d) {
        return new ExposureControls(controls, d.exposureId(), () -> reload(d));
    }

    private Component validation(DecisionDetails d) {
        return new ExposureValidations(validations, controls, d.exposureId(), d.state(), what(d), () -> reload(d));
    }

    private Component acceptance(DecisionDetails d) {
        return new ExposureAcceptance(acceptances, d.exposureId(), d.state(), what(d), () -> reload(d));
    }

    /** After a control, a validation or a state change the exposure was decided again: show it anew. */
    private void reload(DecisionDetails d) {
        show(risk.decision(d.exposureId()));
    }

    private static String what(DecisionDetails d) {
        return d.cve() + " on " + d.assetTag();
    }
}
