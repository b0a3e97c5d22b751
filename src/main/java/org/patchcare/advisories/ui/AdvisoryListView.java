package org.patchcare.advisories.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import org.patchcare.advisories.application.AdvisoryService;
import org.patchcare.advisories.application.AdvisoryViews.AdvisoryFilter;
import org.patchcare.advisories.application.AdvisoryViews.AdvisorySummary;
import org.patchcare.advisories.application.AdvisoryViews.ImportResult;
import org.patchcare.advisories.domain.AdvisoryOrigin;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.inventory.ui.Caller;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;
import org.patchcare.shared.ui.UserMessage;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The advisory list: a lazy grid of every stored advisory, newest first, with filters for text, vendor, release date,
 * KEV, CVSS and "affects my devices". IT security and administrators upload CSAF files here; a refused file shows every
 * failed check with its CSAF test id, JSON path and message.
 */
@Route(value = "advisories", layout = MainLayout.class)
@PageTitle("Advisories · PatchCare")
@PermitAll
public class AdvisoryListView extends VerticalLayout {

    private final AdvisoryService advisories;
    private final Grid<AdvisorySummary> grid = new Grid<>(AdvisorySummary.class, false);
    private final TextField search = new TextField("Search");
    private final ComboBox<String> vendor = new ComboBox<>("Vendor");
    private final DatePicker from = new DatePicker("Released from");
    private final DatePicker to = new DatePicker("Released to");
    private final Checkbox kevOnly = new Checkbox("Known exploited (KEV)");
    private final NumberField minCvss = new NumberField("CVSS at least");
    private final Checkbox affects = new Checkbox("Affects our devices");
    private final Span count = new Span();
    private final Div uploadResult = new Div();
    private AdvisoryFilter filter = AdvisoryFilter.none();

    @Inject
    public AdvisoryListView(AdvisoryService advisories) {
        this.advisories = advisories;
        setSizeFull();
        H2 title = new H2("Advisories");
        title.getStyle().set("margin", "0");
        count.setId("advisory-count");
        count.addClassName("pc-muted");
        HorizontalLayout header = new HorizontalLayout(title, count);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(header);
        if (UI.getCurrent() != null && mayImport()) {
            add(upload());
        }
        add(filters(), grid);
        configureGrid();
        refresh();
    }

    /** IT security and administrators import advisories and decide exposures (the services check again). */
    static boolean mayImport() {
        return Caller.hasRole(Roles.IT_SECURITY) || Caller.hasRole(Roles.ADMIN);
    }

    private VerticalLayout upload() {
        Upload upload = new Upload(UploadHandler.inMemory(this::uploaded));
        upload.setId("advisory-upload");
        upload.setMaxFiles(20);
        org.patchcare.shared.ui.UploadLimits.limit(upload, AdvisoryService.MAX_DOCUMENT_BYTES);
        upload.setAcceptedFileTypes(".json", "application/json");
        upload.setDropAllowed(true);
        upload.addFileRejectedListener(e -> Notification.show(e.getErrorMessage(), 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR));
        Paragraph hint = new Paragraph("Drop CSAF 2.0 advisories (JSON) here. Each is checked against the CSAF schema and "
                + "the mandatory tests; affected devices are found at once.");
        hint.addClassName("pc-muted");
        uploadResult.setId("advisory-upload-result");
        com.vaadin.flow.component.button.Button manual = new com.vaadin.flow.component.button.Button(
                "Record a vendor notice…", VaadinIcon.EDIT.create(),
                e -> new ManualAdvisoryDialog(advisories, r -> showImported("Vendor notice", r)).open());
        manual.setId("manual-advisory");
        VerticalLayout box = new VerticalLayout(hint, new HorizontalLayout(upload, manual), uploadResult);
        box.setPadding(false);
        box.setSpacing(false);
        return box;
    }

    private void uploaded(UploadMetadata meta, byte[] data) {
        UI ui = getUI().orElseThrow();
        ui.access(() -> {
            try {
                showImported(meta.fileName(), advisories.importDocument(data, AdvisoryOrigin.UPLOAD, meta.fileName()));
            } catch (InvalidInputException e) {
                showRejected(meta.fileName(), e);
            } catch (RuntimeException e) {
                showProblem(meta.fileName(), UserMessage.of(e).text());
            }
        });
    }

    void showImported(String file, ImportResult r) {
        Div box = new Div();
        box.addClassName("pc-import-ok");
        String what = switch (r.outcome()) {
            case CREATED -> "imported";
            case REVISED -> "stored as revision " + r.revision();
            case UNCHANGED -> "already known (revision " + r.revision() + "); nothing changed";
            case OLDER_REVISION -> "kept as revision " + r.revision() + "; a newer revision stays current";
        };
        box.add(new Paragraph(file + ": " + r.trackingId() + " " + what + ". " + r.affectedDevices()
                + " of our devices affected, " + r.reviewItems() + " likely matches to review."));
        if (!r.warnings().isEmpty()) {
            box.add(new Paragraph(r.warnings().size() + " warning(s): " + r.warnings().stream()
                    .limit(5).map(w -> w.testId() + " " + w.message()).reduce((a, b) -> a + "; " + b).orElse("")));
        }
        uploadResult.addComponentAsFirst(box);
        Notification.show(r.trackingId() + " " + what, 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    void showRejected(String file, InvalidInputException e) {
        Div box = new Div();
        box.addClassName("pc-import-rejected");
        box.add(new Paragraph(file + " was rejected; nothing was stored. " + e.violations().size() + " problem(s):"));
        Grid<InvalidInputException.Violation> problems = new Grid<>();
        problems.addClassName("pc-rejections");
        problems.addColumn(v -> v.code() == null ? "" : v.code()).setHeader("Test").setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(InvalidInputException.Violation::field).setHeader("Where (JSON path)").setFlexGrow(1)
                .setTooltipGenerator(InvalidInputException.Violation::field);
        problems.addColumn(InvalidInputException.Violation::message).setHeader("Problem").setFlexGrow(2)
                .setTooltipGenerator(InvalidInputException.Violation::message);
        problems.setItems(e.violations());
        problems.setAllRowsVisible(e.violations().size() <= 12);
        problems.setHeight(e.violations().size() <= 12 ? null : "20em");
        problems.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        box.add(problems);
        uploadResult.addComponentAsFirst(box);
    }

    private void showProblem(String file, String text) {
        Paragraph p = new Paragraph(file + ": " + text);
        p.addClassName("pc-error-text");
        uploadResult.addComponentAsFirst(p);
    }

    private FlexLayout filters() {
        search.setPlaceholder("Tracking id, title or CVE");
        search.setId("advisory-search");
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        vendor.setItems(advisories.vendors());
        vendor.setClearButtonVisible(true);
        vendor.setPlaceholder("All");
        vendor.setId("filter-vendor");
        from.setId("filter-from");
        to.setId("filter-to");
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        kevOnly.setId("filter-kev");
        minCvss.setId("filter-cvss");
        minCvss.setMin(0);
        minCvss.setMax(10);
        minCvss.setStep(0.1);
        minCvss.setWidth("8em");
        minCvss.setClearButtonVisible(true);
        affects.setId("filter-affects");
        for (HasValue<?, ?> f : List.<HasValue<?, ?>>of(search, vendor, from, to, kevOnly, minCvss, affects)) {
            f.addValueChangeListener(e -> {
                filter = readFilter();
                refresh();
            });
        }
        FlexLayout row = new FlexLayout(search, vendor, from, to, minCvss, kevOnly, affects);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-s)");
        row.setWidthFull();
        return row;
    }

    private AdvisoryFilter readFilter() {
        return new AdvisoryFilter(blank(search.getValue()), vendor.getValue(),
                from.getValue() == null ? null : from.getValue().atStartOfDay().toInstant(ZoneOffset.UTC),
                to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                kevOnly.getValue() ? Boolean.TRUE : null,
                minCvss.getValue() == null ? null : BigDecimal.valueOf(minCvss.getValue()), null,
                affects.getValue() ? Boolean.TRUE : null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void configureGrid() {
        grid.setId("advisory-grid");
        grid.setEmptyStateText("No advisory matches. IT security uploads CSAF files above, records vendor notices by "
                + "hand, or lets PatchCare poll the vendors' CSAF feeds.");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(AdvisorySummary::trackingId).setHeader("Advisory").setKey("trackingId").setSortable(true)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AdvisorySummary::title).setHeader("Title").setFlexGrow(3).setTooltipGenerator(AdvisorySummary::title);
        grid.addColumn(AdvisorySummary::vendors).setHeader("Vendor").setFlexGrow(1).setTooltipGenerator(AdvisorySummary::vendors);
        grid.addColumn(a -> AdvisoryFormats.day(a.currentRelease())).setHeader("Released").setKey("currentRelease")
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(a -> AdvisoryFormats.cvssAndKev(a.maxCvss(), a.kev()))).setHeader("Max CVSS").setKey("maxCvss").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.affectedDevices() == 0 ? "–" : String.format(Locale.ROOT, "%,d", a.affectedDevices()))
                .setHeader("Our devices").setKey("affectedDevices").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.revisions() > 1 ? a.revisions() + " revisions" : "").setHeader("Revisions")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.warnings() == 0 ? "" : a.warnings() + "").setHeader("Warnings").setAutoWidth(true)
                .setFlexGrow(0);
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("currentRelease"), SortDirection.DESCENDING)));
        grid.setItems(q -> {
            String sort = "currentRelease";
            boolean asc = false;
            if (!q.getSortOrders().isEmpty()) {
                sort = q.getSortOrders().getFirst().getSorted();
                asc = q.getSortOrders().getFirst().getDirection() == SortDirection.ASCENDING;
            }
            return advisories.list(filter, new PageRequest(q.getOffset(), Math.min(q.getLimit(), PageRequest.MAX_LIMIT),
                    sort, asc)).stream();
        });
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(AdvisoryDetailView.class,
                new com.vaadin.flow.router.RouteParameters("trackingId", e.getItem().trackingId()))));
    }

    private void refresh() {
        long n = advisories.count(filter);
        count.setText(String.format(Locale.ROOT, "%,d advisor%s", n, n == 1 ? "y" : "ies"));
        grid.getDataProvider().refreshAll();
    }

}
