package org.patchcare.downtime.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.patchcare.downtime.application.CalendarService;
import org.patchcare.downtime.application.DowntimeViews.CalendarFeedView;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.ui.Formats;
import org.patchcare.inventory.ui.Notices;

import java.util.List;

/**
 * "Subscribe": makes a calendar feed of a department for the caller and shows its address once, to copy into Outlook
 * or another calendar app; lists the caller's feeds, each of which can be stopped.
 */
class FeedDialog extends Dialog {

    final ComboBox<DepartmentView> department = new ComboBox<>("Department");
    final Button create = new Button("Create feed");
    final TextField url = new TextField("Address of your new feed");
    final Paragraph copyHint = new Paragraph();
    final Grid<CalendarFeedView> feeds = new Grid<>();
    private final CalendarService calendar;

    FeedDialog(CalendarService calendar, List<DepartmentView> departments, DepartmentView preselected) {
        this.calendar = calendar;
        setHeaderTitle("Subscribe to downtime in your calendar app");
        setId("feed-dialog");
        setWidth("48em");
        Paragraph intro = new Paragraph("A feed shows the planned downtime of one department in Outlook, Google Calendar "
                + "or your phone, and keeps itself up to date.");
        intro.addClassName("pc-muted");
        department.setItems(departments);
        department.setItemLabelGenerator(DepartmentView::label);
        department.setValue(preselected);
        department.setId("feed-department");
        department.setWidth("22em");
        department.setRequiredIndicatorVisible(true);
        create.setId("feed-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        HorizontalLayout row = new HorizontalLayout(department, create);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        url.setReadOnly(true);
        url.setWidthFull();
        url.setId("feed-url");
        url.setVisible(false);
        copyHint.setId("feed-copy-hint");
        copyHint.setVisible(false);
        copyHint.addClassName("pc-dt-copy-hint");
        feeds.setId("feed-grid");
        feeds.setAllRowsVisible(true);
        feeds.setEmptyStateText("You have no calendar feeds.");
        feeds.addColumn(f -> DowntimeUi.text(f.departmentName())).setHeader("Department").setFlexGrow(2);
        feeds.addColumn(f -> Formats.dateTime(f.createdAt())).setHeader("Created").setAutoWidth(true);
        feeds.addColumn(f -> f.lastUsedAt() == null ? "never" : Formats.dateTime(f.lastUsedAt())).setHeader("Last read")
                .setAutoWidth(true);
        feeds.addComponentColumn(f -> {
            Button stop = new Button("Stop", e -> {
                calendar.revokeFeed(f.id());
                Notices.saved("The feed of " + f.departmentName() + " stopped working.");
                refresh();
            });
            stop.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            stop.addClassName("feed-revoke");
            stop.setTooltipText("The address stops working; calendars that use it show nothing more");
            return stop;
        }).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        Button close = new Button("Close", e -> close());
        close.setId("feed-close");
        getFooter().add(close);
        add(new Div(intro, row, url, copyHint, new H4("Your feeds"), feeds));
        refresh();
    }

    void create() {
        if (department.getValue() == null) {
            department.setErrorMessage("Choose the department whose downtime you want to see.");
            department.setInvalid(true);
            return;
        }
        department.setInvalid(false);
        CalendarFeedView f = calendar.createFeed(department.getValue().code());
        if (f == null) {
            return;
        }
        url.setValue(f.url() == null ? "" : f.url());
        url.setVisible(true);
        copyHint.setText("Copy this address now: it is shown only this once. Keep it private, it works without a "
                + "password. In Outlook choose Add calendar → Subscribe from web; in Google Calendar choose Other "
                + "calendars → From URL.");
        copyHint.setVisible(true);
        url.focus();
        refresh();
    }

    void refresh() {
        feeds.setItems(calendar.myFeeds());
    }
}
