package org.patchcare.advisories.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.advisories.application.ExposureService;
import org.patchcare.advisories.application.ExposureViews.AffectingAdvisory;
import org.patchcare.advisories.application.ExposureViews.ExposureFilter;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.util.List;
import java.util.Locale;

/** IT security's start page: new advisories that affect our devices, newest first, and what waits for a decision. */
@Route(value = "security", layout = MainLayout.class)
@PageTitle("Security home · PatchCare")
@RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN})
public class SecurityHomeView extends VerticalLayout {

    @Inject
    public SecurityHomeView(ExposureService exposures) {
        setSizeFull();
        H2 title = new H2("Security home");
        title.getStyle().set("margin", "0");
        long open = exposures.count(new ExposureFilter(null, null, null, null, true, null));
        long kev = exposures.count(new ExposureFilter(null, null, null, null, true, true));
        long pending = exposures.reviewCount("PENDING");
        HorizontalLayout tiles = new HorizontalLayout(
                tile("Open exposures", open, null, "tile-open"),
                tile("…of them known exploited (KEV)", kev, null, "tile-kev"),
                tile("Likely matches to review", pending, "match-review", "tile-review"));
        tiles.setWidthFull();
        List<AffectingAdvisory> list = exposures.newAdvisoriesAffectingDevices(50);
        Grid<AffectingAdvisory> grid = new Grid<>();
        grid.setId("affecting-advisories");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(new ComponentRenderer<>(a -> new Anchor("advisories/" + a.trackingId(), a.trackingId())))
                .setHeader("Advisory").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AffectingAdvisory::title).setHeader("Title").setFlexGrow(3).setTooltipGenerator(AffectingAdvisory::title);
        grid.addColumn(new ComponentRenderer<>(a -> AdvisoryFormats.cvssAndKev(a.maxCvss(), a.kev()))).setHeader("Max CVSS").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> String.format(Locale.ROOT, "%,d", a.affectedDevices())).setHeader("Our devices")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> AdvisoryFormats.day(a.currentRelease())).setHeader("Released").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> AdvisoryFormats.when(a.importedAt())).setHeader("Imported").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(list);
        grid.setSizeFull();
        add(title, tiles, new H3("New advisories that affect our devices"), grid);
    }

    private static Div tile(String label, long value, String link, String id) {
        Span number = new Span(String.format(Locale.ROOT, "%,d", value));
        number.addClassName("pc-tile-number");
        Div tile = new Div(number, new Span(label));
        tile.addClassName("pc-tile");
        tile.setId(id);
        if (link != null && value > 0) {
            tile.add(new Anchor(link, "Review"));
        }
        return tile;
    }
}
