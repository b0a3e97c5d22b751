package org.patchcare.downtime.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import org.patchcare.downtime.application.BlackoutCommand;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.ui.Formats;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The fields of a blackout rule: a department, a title, and either every week (days and local times, an end before the
 * start runs past midnight) or single days (first and last date). Knows no service: fires {@link SaveEvent} with a
 * valid {@link BlackoutCommand}, or {@link CancelEvent}.
 */
public class BlackoutForm extends VerticalLayout {

    static final String NO_DAYS = "Choose at least one day of the week.";
    static final String LAST_BEFORE_FIRST = "The last day cannot be before the first day.";
    static final String SAME_TIMES = "The end must differ from the start.";
    static final int TITLE_MAX = 120;

    final ComboBox<DepartmentView> department = new ComboBox<>("Department");
    final TextField title = new TextField("What it protects");
    final RadioButtonGroup<Boolean> recurring = new RadioButtonGroup<>("Repeats");
    final CheckboxGroup<DayOfWeek> days = new CheckboxGroup<>("Days of the week");
    final TimePicker localStart = new TimePicker("From (local time)");
    final TimePicker localEnd = new TimePicker("Until (local time)");
    final DatePicker firstDay = Formats.iso(new DatePicker("First day"));
    final DatePicker lastDay = Formats.iso(new DatePicker("Last day"));
    final Checkbox active = new Checkbox("In force");
    final Button save = new Button("Save");
    final Button cancel = new Button("Cancel");
    final Span formError = new Span();
    private final Binder<BlackoutDraft> binder = new Binder<>(BlackoutDraft.class);
    private final HorizontalLayout weekly;
    private final HorizontalLayout single;
    private BlackoutDraft draft;

    public BlackoutForm(List<DepartmentView> departments) {
        setPadding(false);
        department.setItems(departments);
        department.setItemLabelGenerator(DepartmentView::label);
        title.setMaxLength(TITLE_MAX);
        title.setPlaceholder("e.g. Morning surgery list, Christmas week");
        title.setWidthFull();
        recurring.setItems(true, false);
        recurring.setItemLabelGenerator(r -> Boolean.TRUE.equals(r) ? "Every week" : "On single days");
        days.setItems(DayOfWeek.values());
        days.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        localStart.setStep(Duration.ofMinutes(15));
        localEnd.setStep(Duration.ofMinutes(15));
        localEnd.setHelperText("Before the start means past midnight");
        active.setTooltipText("Only rules in force block downtime");
        ids();
        bind();
        recurring.addValueChangeListener(e -> showKind());
        formError.addClassName("pc-form-error");
        formError.setVisible(false);
        formError.setId("blackout-form-error");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        cancel.addClickListener(e -> fireEvent(new CancelEvent(this)));
        FormLayout head = new FormLayout(department, title);
        head.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        weekly = new HorizontalLayout(localStart, localEnd);
        single = new HorizontalLayout(firstDay, lastDay);
        add(formError, head, recurring, days, weekly, single, active, new HorizontalLayout(save, cancel));
    }

    private void ids() {
        department.setId("blackout-department");
        title.setId("blackout-title");
        recurring.setId("blackout-recurring");
        days.setId("blackout-days");
        localStart.setId("blackout-start");
        localEnd.setId("blackout-end");
        firstDay.setId("blackout-first");
        lastDay.setId("blackout-last");
        active.setId("blackout-active");
        save.setId("blackout-save");
        cancel.setId("blackout-cancel");
    }

    private boolean weeklyChosen() {
        return !Boolean.FALSE.equals(recurring.getValue());
    }

    private void bind() {
        binder.forField(department).asRequired("Choose the department.").bind("department");
        binder.forField(title).withNullRepresentation("")
                .withValidator(t -> t != null && !t.isBlank(), "Say what the blackout protects, e.g. \"Morning surgery\".")
                .bind("title");
        binder.forField(recurring).bind("recurring");
        binder.forField(days).withValidator(d -> !weeklyChosen() || (d != null && !d.isEmpty()), NO_DAYS).bind("days");
        binder.forField(localStart).withValidator(t -> !weeklyChosen() || t != null, "Give the start time.")
                .bind("localStart");
        binder.forField(localEnd).withValidator(t -> !weeklyChosen() || t != null, "Give the end time.")
                .withValidator(t -> !weeklyChosen() || t == null || !Objects.equals(t, localStart.getValue()), SAME_TIMES)
                .bind("localEnd");
        binder.forField(firstDay).withValidator(d -> weeklyChosen() || d != null, "Give the first day.").bind("firstDay");
        binder.forField(lastDay)
                .withValidator(d -> weeklyChosen() || d == null || firstDay.getValue() == null
                        || !d.isBefore(firstDay.getValue()), LAST_BEFORE_FIRST)
                .bind("lastDay");
        binder.forField(active).bind("active");
    }

    private void showKind() {
        boolean weeklyKind = weeklyChosen();
        days.setVisible(weeklyKind);
        weekly.setVisible(weeklyKind);
        single.setVisible(!weeklyKind);
    }

    public void setDraft(BlackoutDraft d) {
        this.draft = d;
        formError.setVisible(false);
        binder.readBean(d);
        showKind();
    }

    /** Validates, writes the fields into the draft and fires a save event with its command. */
    public boolean save() {
        formError.setVisible(false);
        if (!binder.validate().isOk() || !binder.writeBeanIfValid(draft)) {
            showFormError("Some fields need attention; see the messages next to them.");
            return false;
        }
        fireEvent(new SaveEvent(this, draft.toCommand()));
        return true;
    }

    public void showFormError(String message) {
        formError.setText(message);
        formError.setVisible(true);
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    public static class SaveEvent extends ComponentEvent<BlackoutForm> {
        private final BlackoutCommand command;

        public SaveEvent(BlackoutForm source, BlackoutCommand command) {
            super(source, false);
            this.command = command;
        }

        public BlackoutCommand getCommand() {
            return command;
        }
    }

    public static class CancelEvent extends ComponentEvent<BlackoutForm> {
        public CancelEvent(BlackoutForm source) {
            super(source, false);
        }
    }
}
