package org.patchcare.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.audit.application.AuditCsv;
import org.patchcare.audit.application.AuditFilter;
import org.patchcare.audit.application.AuditRecord;
import org.patchcare.audit.application.AuditService;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.inventory.ui.Formats;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;
import org.patchcare.shared.ui.UiErrorHandler;
import org.patchcare.shared.ui.UserMessage;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Who changed what, when, from what to what and why: the whole audit trail for administrators, filtered by time,
 * person, kind of thing, thing, action and any text; one entry's before/after in a dialog; the filtered entries as
 * CSV (the export is itself recorded).
 */
@Route(value = "admin/audit", layout = MainLayout.class)
@PageTitle("Audit trail · PatchCare")
@RolesAllowed(Roles.ADMIN)
public class AuditTrailView extends VerticalLayout {

    static final String ALL_ACTIONS = "All actions";

    private final AuditService audit;
    final DatePicker from = Formats.iso(new DatePicker("From"));
    final DatePicker to = Formats.iso(new DatePicker("Until (including)"));
    final TextField actor = new TextField("Who");
    final ComboBox<String> entityType = new ComboBox<>("What");
    final TextField entityKey = new TextField("Which (key)");
    final Select<String> action = new Select<>();
    final TextField text = new TextField("Containing");
    final Grid<AuditRecord> grid = new Grid<>(AuditRecord.class, false);
    final Span count = new Span();
    final Anchor export = new Anchor();

    @Inject
    public AuditTrailView(AuditService audit) {
        this.audit = audit;
        setSizeFull();
        H2 title = new H2("Audit trail");
        Paragraph intro = new Paragraph("Every change made in PatchCare, newest first. Entries cannot be edited or "
                + "deleted. Click an entry to see what it changed.");
        intro.addClassName("pc-muted");

        from.setId("audit-from");
        to.setId("audit-to");
        actor.setId("audit-actor");
        actor.setPlaceholder("user name");
        entityType.setId("audit-type");
        entityType.setItems(audit.entityTypes());
        entityType.setClearButtonVisible(true);
        entityType.setPlaceholder("anything");
        entityKey.setId("audit-key");
        entityKey.setPlaceholder("e.g. an asset tag");
        action.setId("audit-action");
        action.setLabel("Action");
        action.setItems(ALL_ACTIONS, "CREATE", "UPDATE", "DELETE", "EVENT");
        action.setValue(ALL_ACTIONS);
        text.setId("audit-text");
        text.setPlaceholder("any value or reason");
        for (TextField f : List.of(actor, entityKey, text)) {
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.setClearButtonVisible(true);
            f.setMaxLength(AuditFilter.MAX_TEXT);
            f.addValueChangeListener(e -> refresh());
        }
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        entityType.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());

        HorizontalLayout filters = new HorizontalLayout(from, to, actor, entityType, entityKey, action, text);
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        export.setId("audit-export");
        Button exportButton = new Button("Export CSV", VaadinIcon.DOWNLOAD.create());
        exportButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        export.add(exportButton);
        export.setHref(csv());
        count.setId("audit-count");
        count.addClassName("pc-muted");
        HorizontalLayout bar = new HorizontalLayout(count, export);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);

        grid.setId("audit-grid");
        grid.addColumn(r -> Formats.dateTime(r.occurredAt())).setHeader("When").setKey("occurredAt")
                .setSortProperty("occurredAt").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditRecord::actor).setHeader("Who").setKey("actor").setSortProperty("actor")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditRecord::entityType).setHeader("What").setKey("entityType").setSortProperty("entityType")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditRecord::entityKey).setHeader("Which").setKey("entityKey").setSortProperty("entityKey")
                .setFlexGrow(1);
        grid.addColumn(AuditTrailView::actionLabel).setHeader("Action").setKey("action").setSortProperty("action")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditTrailView::summary).setHeader("Changed").setKey("changes").setFlexGrow(3);
        grid.addColumn(r -> Formats.text(r.reason())).setHeader("Why").setKey("reason").setFlexGrow(2);
        grid.setMultiSort(false);
        grid.addItemClickListener(e -> details(e.getItem()));
        grid.setSizeFull();
        grid.setItems(q -> {
            QuerySortOrder order = q.getSortOrders().isEmpty() ? null : q.getSortOrders().get(0);
            return audit.search(filter(), new PageRequest(q.getOffset(), Math.min(q.getLimit(), PageRequest.MAX_LIMIT),
                    order == null ? null : order.getSorted(),
                    order != null && order.getDirection() == SortDirection.ASCENDING)).stream();
        }, q -> (int) Math.min(Integer.MAX_VALUE, audit.count(filter())));

        add(title, intro, filters, bar, grid);
        updateCount();
    }

    /** The filter the fields describe; the "until" day counts whole (up to the next midnight, server time). */
    AuditFilter filter() {
        ZoneId zone = ZoneId.systemDefault();
        Instant start = from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant();
        LocalDate until = to.getValue();
        Instant end = until == null ? null : until.plusDays(1).atStartOfDay(zone).toInstant();
        String a = ALL_ACTIONS.equals(action.getValue()) ? null : action.getValue();
        return new AuditFilter(start, end, actor.getValue(), entityType.getValue(), entityKey.getValue(), a,
                text.getValue());
    }

    private void refresh() {
        try {
            filter();
        } catch (RuntimeException e) {
            UiErrorHandler.show(UserMessage.of(e));
            return;
        }
        grid.getDataProvider().refreshAll();
        updateCount();
    }

    private void updateCount() {
        long n = audit.count(filter());
        count.setText(n == 1 ? "1 entry" : String.format(java.util.Locale.ROOT, "%,d entries", n));
    }

    private DownloadHandler csv() {
        return event -> {
            AuditFilter f = filter();
            AuditFilter bounded = f.endingBy(audit.recordExport(f, "CSV"));
            event.setFileName("audit-trail-" + LocalDate.now(ZoneId.systemDefault()) + ".csv");
            event.setContentType("text/csv;charset=UTF-8");
            try (Writer w = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                AuditCsv.write(w, o -> audit.search(bounded, new PageRequest(o, PageRequest.MAX_LIMIT, "occurredAt",
                        true)), PageRequest.MAX_LIMIT);
            }
        };
    }

    static String actionLabel(AuditRecord r) {
        return switch (r.action()) {
            case "CREATE" -> "Created";
            case "UPDATE" -> "Changed";
            case "DELETE" -> "Deleted";
            default -> "Event";
        };
    }

    static String summary(AuditRecord r) {
        if (r.changes().size() == 1 && r.changes().get(0).field().equals("event")) {
            return Formats.text(r.changes().get(0).to());
        }
        return r.changes().isEmpty() ? "—"
                : r.changes().stream().map(AuditRecord.Change::field).collect(Collectors.joining(", "));
    }

    void details(AuditRecord r) {
        Dialog d = new Dialog();
        d.setId("audit-entry");
        d.setHeaderTitle(actionLabel(r) + ": " + r.entityType() + " " + r.entityKey());
        Paragraph who = new Paragraph(r.actor() + ", " + Formats.dateTime(r.occurredAt()) + " ("
                + r.occurredAt() + ")");
        who.addClassName("pc-muted");
        VerticalLayout body = new VerticalLayout(who);
        if (r.reason() != null) {
            body.add(new Paragraph("Why: " + r.reason()));
        }
        Grid<AuditRecord.Change> changes = new Grid<>(AuditRecord.Change.class, false);
        changes.setId("audit-entry-changes");
        changes.addColumn(AuditRecord.Change::field).setHeader("Field").setAutoWidth(true).setFlexGrow(0);
        changes.addColumn(c -> Formats.text(c.from())).setHeader("Before").setFlexGrow(1);
        changes.addColumn(c -> Formats.text(c.to())).setHeader("After").setFlexGrow(1);
        changes.setItems(r.changes());
        changes.setAllRowsVisible(true);
        body.add(changes);
        body.setPadding(false);
        d.add(body);
        d.setWidth("min(60rem, 95vw)");
        Button close = new Button("Close", e -> d.close());
        close.setId("audit-entry-close");
        d.getFooter().add(close);
        d.open();
    }
}
