package org.patchcare.advisories.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import org.patchcare.advisories.application.AdvisoryService;
import org.patchcare.advisories.application.AdvisoryViews.AdvisoryDetails;
import org.patchcare.advisories.application.AdvisoryViews.ProductView;
import org.patchcare.advisories.application.AdvisoryViews.RemediationView;
import org.patchcare.advisories.application.AdvisoryViews.RevisionView;
import org.patchcare.advisories.application.AdvisoryViews.VulnerabilityView;
import org.patchcare.advisories.application.AdvisoryViews.WarningView;
import org.patchcare.advisories.application.ExposureService;
import org.patchcare.advisories.application.ExposureViews.ExposureView;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.ui.MainLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One advisory: what the vendor says (vulnerabilities with CVSS, KEV and EPSS, remediations, products), what PatchCare
 * noticed (warnings, revisions), and which of our devices it affects with their states.
 */
@Route(value = "advisories/:trackingId", layout = MainLayout.class)
@PermitAll
public class AdvisoryDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AdvisoryService advisories;
    private final ExposureService exposures;
    private String title = "Advisory · PatchCare";

    @Inject
    public AdvisoryDetailView(AdvisoryService advisories, ExposureService exposures) {
        this.advisories = advisories;
        this.exposures = exposures;
        setSizeFull();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("trackingId").orElse("");
        removeAll();
        try {
            show(advisories.get(id));
        } catch (NotFoundException e) {
            add(new H2("Advisory not found"), new Paragraph("No advisory has the tracking id " + id + "."));
        }
    }

    void show(AdvisoryDetails a) {
        title = a.trackingId() + " · PatchCare";
        H2 h = new H2(a.title());
        h.getStyle().set("margin", "0");
        h.setId("advisory-title");
        HorizontalLayout badges = new HorizontalLayout(new Span(a.trackingId()), AdvisoryFormats.cvss(a.maxCvss()));
        badges.setAlignItems(Alignment.BASELINE);
        if (a.vulnerabilities().stream().anyMatch(VulnerabilityView::kev)) {
            badges.add(AdvisoryFormats.kev());
        }
        if (a.tlp() != null) {
            Span tlp = new Span("TLP:" + a.tlp());
            tlp.addClassNames("pc-badge", "pc-tlp");
            badges.add(tlp);
        }
        Div facts = new Div();
        facts.addClassName("pc-fields");
        field(facts, "Publisher", a.publisher() + (a.publisherCategory() == null ? "" : " (" + a.publisherCategory() + ")"));
        field(facts, "Released", AdvisoryFormats.day(a.initialRelease()) + ", current version " + a.trackingVersion()
                + " of " + AdvisoryFormats.day(a.currentRelease()) + " (" + a.trackingStatus() + ")");
        field(facts, "Source", (a.csafVersion() == null ? "entered by hand" : "CSAF " + a.csafVersion()) + ", "
                + a.revisions().size() + " revision(s) stored");

        List<ExposureView> affected = exposures.forAdvisory(a.trackingId(), 500);
        TabSheet tabs = new TabSheet();
        tabs.setId("advisory-tabs");
        tabs.setSizeFull();
        tabs.add("Vulnerabilities (" + a.vulnerabilities().size() + ")", vulnerabilities(a));
        tabs.add("Our devices (" + affected.stream().map(ExposureView::assetTag).distinct().count() + ")",
                devices(affected));
        tabs.add("Products (" + a.products().size() + ")", products(a.products()));
        tabs.add("Remediations", remediations(a));
        tabs.add("Warnings (" + a.warnings().size() + ")", warnings(a.warnings()));
        tabs.add("Revisions (" + a.revisions().size() + ")", revisions(a));
        tabs.add("Notes", notes(a));
        add(h, badges, facts, tabs);
    }

    private static void field(Div facts, String label, String value) {
        Div f = new Div(new Span(label), new Span(value));
        f.addClassName("pc-field");
        f.getChildren().toList().get(0).getElement().getClassList().add("pc-field-label");
        f.getChildren().toList().get(1).getElement().getClassList().add("pc-field-value");
        facts.add(f);
    }

    private Component vulnerabilities(AdvisoryDetails a) {
        Grid<VulnerabilityView> g = new Grid<>();
        g.setId("vulnerability-grid");
        g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        g.addColumn(v -> v.cve() == null ? "(no CVE)" : v.cve()).setHeader("CVE").setAutoWidth(true).setFlexGrow(0);
        g.addColumn(new ComponentRenderer<>(v -> AdvisoryFormats.cvssAndKev(v.cvss3Score() != null ? v.cvss3Score() : v.cvss2Score(), v.kev()))).setHeader("CVSS").setAutoWidth(true).setFlexGrow(0);
        g.addColumn(v -> v.epss() == null ? "–" : String.format(Locale.ROOT, "%.1f%% (%.0fth pct.)",
                v.epss().doubleValue() * 100, v.epssPercentile().doubleValue() * 100)).setHeader("EPSS")
                .setAutoWidth(true).setFlexGrow(0);
        g.addColumn(v -> v.kev() ? "added " + v.kevAdded() + (v.kevDue() == null ? "" : ", due " + v.kevDue())
                + (v.kevRansomware() ? ", ransomware" : "") : "").setHeader("KEV").setAutoWidth(true).setFlexGrow(0);
        g.addColumn(v -> v.cweId() == null ? "" : v.cweId() + " " + (v.cweName() == null ? "" : v.cweName()))
                .setHeader("Weakness").setFlexGrow(1);
        g.addColumn(v -> v.title() != null ? v.title() : v.summary()).setHeader("What").setFlexGrow(2)
                .setTooltipGenerator(v -> v.summary() == null ? "" : v.summary());
        g.addColumn(v -> v.cvss3Vector() != null ? v.cvss3Vector() : v.cvss2Vector() == null ? "" : v.cvss2Vector())
                .setHeader("Vector").setFlexGrow(1);
        g.setItems(a.vulnerabilities());
        g.setAllRowsVisible(true);
        return g;
    }

    private Component devices(List<ExposureView> list) {
        // exposure states are set by clicking a row (IT security, administrators)
        if (list.isEmpty()) {
            return new Paragraph("None of our devices is known to be affected. Likely matches wait in the match review.");
        }
        Grid<ExposureView> g = ExposureGrid.create(list, true, exposures,
                () -> getUI().ifPresent(ui -> ui.getPage().reload()));
        g.setId("advisory-devices");
        return g;
    }

    private static Component products(List<ProductView> products) {
        Grid<ProductView> g = new Grid<>();
        g.setId("product-grid");
        g.addThemeVariants(GridVariant.LUMO_COMPACT);
        g.addColumn(ProductView::productId).setHeader("Id").setAutoWidth(true).setFlexGrow(0);
        g.addColumn(ProductView::vendor).setHeader("Vendor").setFlexGrow(1);
        g.addColumn(ProductView::productName).setHeader("Product").setFlexGrow(2);
        g.addColumn(p -> p.version() == null ? "" : p.version() + (p.range() ? " (range)" : "")).setHeader("Version")
                .setFlexGrow(1);
        g.addColumn(p -> p.identifiers() == null ? "" : p.identifiers().replace('\n', ' ')).setHeader("Identifiers")
                .setFlexGrow(1);
        g.setItems(products);
        g.setHeight("28em");
        return g;
    }

    private static Component remediations(AdvisoryDetails a) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        for (VulnerabilityView v : a.vulnerabilities()) {
            if (v.remediations().isEmpty()) {
                continue;
            }
            box.add(new H4(v.cve() == null ? "Vulnerability" : v.cve()));
            for (RemediationView r : v.remediations()) {
                Div d = new Div();
                d.addClassName("pc-remediation");
                Span cat = new Span(r.category().replace('_', ' '));
                cat.addClassNames("pc-badge", "pc-remediation-" + r.category());
                d.add(cat, new Span(" " + r.details()));
                if (r.restartRequired() != null) {
                    d.add(new Paragraph("Restart: " + r.restartRequired().replace('_', ' ')
                            + (r.restartDetails() == null ? "" : " – " + r.restartDetails())));
                }
                if (r.url() != null) {
                    d.add(new Paragraph(new Anchor(r.url(), r.url())));
                }
                box.add(d);
            }
        }
        if (box.getComponentCount() == 0) {
            box.add(new Paragraph("The vendor gives no remediation."));
        }
        return box;
    }

    private static Component warnings(List<WarningView> warnings) {
        if (warnings.isEmpty()) {
            return new Paragraph("The document passed every check PatchCare runs.");
        }
        Grid<WarningView> g = new Grid<>();
        g.setId("warning-grid");
        g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        g.addColumn(WarningView::testId).setHeader("Test").setAutoWidth(true).setFlexGrow(0);
        g.addColumn(WarningView::jsonPath).setHeader("Where").setFlexGrow(1);
        g.addColumn(WarningView::message).setHeader("Finding").setFlexGrow(2);
        g.setItems(warnings);
        g.setAllRowsVisible(true);
        return g;
    }

    private static Component revisions(AdvisoryDetails a) {
        Grid<RevisionView> g = new Grid<>();
        g.setId("revision-grid");
        g.addThemeVariants(GridVariant.LUMO_COMPACT);
        g.addColumn(RevisionView::revision).setHeader("Revision").setAutoWidth(true).setFlexGrow(0);
        g.addColumn(RevisionView::trackingVersion).setHeader("Document version").setAutoWidth(true).setFlexGrow(0);
        g.addColumn(r -> AdvisoryFormats.day(r.currentRelease())).setHeader("Released").setAutoWidth(true);
        g.addColumn(r -> AdvisoryFormats.when(r.importedAt()) + " by " + r.importedBy()).setHeader("Imported");
        g.addColumn(r -> r.origin().toLowerCase(Locale.ROOT) + (r.sourceName() == null ? "" : ": " + r.sourceName()))
                .setHeader("From");
        g.addColumn(new ComponentRenderer<>(r -> new Anchor("api/v1/advisories/" + a.trackingId() + "/revisions/"
                + r.revision() + "/document", "document"))).setHeader("").setAutoWidth(true).setFlexGrow(0);
        g.setItems(a.revisions());
        g.setAllRowsVisible(true);
        VerticalLayout box = new VerticalLayout(g);
        box.setPadding(false);
        if (!a.history().isEmpty()) {
            box.add(new H4("The publisher's revision history"));
            List<String> lines = new ArrayList<>();
            a.history().forEach(hv -> lines.add(hv.number() + " (" + AdvisoryFormats.day(hv.date()) + "): " + hv.summary()));
            lines.forEach(l -> box.add(new Paragraph(l)));
        }
        return box;
    }

    private static Component notes(AdvisoryDetails a) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        a.notes().forEach(n -> {
            box.add(new H4(n.title() != null ? n.title() : n.category().replace('_', ' ')));
            Paragraph p = new Paragraph(n.text());
            p.getStyle().set("white-space", "pre-line");
            box.add(p);
        });
        if (!a.references().isEmpty()) {
            box.add(new H4("References"));
            a.references().forEach(r -> box.add(new Paragraph(new Anchor(r.url(), r.summary()))));
        }
        return box;
    }
}
