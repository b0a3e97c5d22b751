package org.patchcare.downtime.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.patchcare.downtime.application.DowntimeViews.RedundancyGroupView;
import org.patchcare.downtime.application.RedundancyGroupCommand;
import org.patchcare.downtime.application.RedundancyGroupService;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.ui.Notices;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.DomainException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A redundancy group: a name, a department, its devices (asset tags, separated by commas, spaces or lines) and how
 * many of them must stay in service. Saves through {@link RedundancyGroupService}.
 */
class RedundancyGroupDialog extends Dialog {

    static final String TOO_FEW = "A group needs at least two devices.";
    static final String MINIMUM_RANGE = "Give a number from 1 to the number of devices in the group.";

    final TextField name = new TextField("Name");
    final ComboBox<DepartmentView> department = new ComboBox<>("Department");
    final TextArea members = new TextArea("Devices (asset tags)");
    final IntegerField minimum = new IntegerField("At least this many in service");
    final Button save = new Button("Save");
    final Span formError = new Span();

    RedundancyGroupDialog(RedundancyGroupService groups, List<DepartmentView> departments, RedundancyGroupView existing,
                          Runnable saved) {
        setHeaderTitle(existing == null ? "New redundancy group" : "Change redundancy group");
        setId("group-dialog");
        setWidth("40em");
        name.setId("group-name");
        name.setMaxLength(120);
        name.setPlaceholder("e.g. ICU bedside monitors, ward 3");
        department.setId("group-department");
        department.setItems(departments);
        department.setItemLabelGenerator(DepartmentView::label);
        members.setId("group-members");
        members.setPlaceholder("ICU-MON-01, ICU-MON-02, ICU-MON-03");
        members.setHelperText("Separate asset tags with commas, spaces or new lines");
        members.setWidthFull();
        minimum.setId("group-minimum");
        minimum.setMin(1);
        minimum.setStepButtonsVisible(true);
        minimum.setHelperText("Downtime that would leave fewer in service is flagged as a conflict");
        formError.addClassName("pc-form-error");
        formError.setId("group-form-error");
        formError.setVisible(false);
        if (existing != null) {
            name.setValue(existing.name());
            department.setValue(departments.stream().filter(d -> d.code().equals(existing.departmentCode())).findFirst()
                    .orElse(null));
            members.setValue(String.join(", ", existing.assetTags()));
            minimum.setValue(existing.minimumAvailable());
        } else {
            minimum.setValue(1);
        }
        FormLayout fields = new FormLayout(name, department, minimum);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            RedundancyGroupCommand cmd = command();
            if (cmd == null) {
                return;
            }
            try {
                RedundancyGroupView g = existing == null ? groups.create(cmd)
                        : groups.update(existing.id(), existing.version(), cmd);
                close();
                Notices.saved("Saved: " + g.name() + ".");
                saved.run();
            } catch (ConflictException ex) {
                Notices.conflict(ex.getMessage(), () -> {
                    close();
                    saved.run();
                });
            } catch (DomainException ex) {
                formError.setText(ex.getMessage());
                formError.setVisible(true);
            }
        });
        save.setId("group-save");
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("group-cancel");
        getFooter().add(cancel, save);
        add(formError, fields, members);
    }

    /** The asset tags typed, upper-cased, without repeats. */
    static List<String> tags(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,;\\s]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(Locale.ROOT)).distinct().toList();
    }

    /** The command, or null after marking the fields that need attention. */
    RedundancyGroupCommand command() {
        boolean ok = true;
        formError.setVisible(false);
        name.setInvalid(false);
        department.setInvalid(false);
        members.setInvalid(false);
        minimum.setInvalid(false);
        if (name.getValue().isBlank()) {
            name.setErrorMessage("Give the group a name.");
            name.setInvalid(true);
            ok = false;
        }
        if (department.getValue() == null) {
            department.setErrorMessage("Choose the department.");
            department.setInvalid(true);
            ok = false;
        }
        List<String> tags = tags(members.getValue());
        if (tags.size() < 2) {
            members.setErrorMessage(TOO_FEW);
            members.setInvalid(true);
            ok = false;
        }
        Integer min = minimum.getValue();
        if (min == null || min < 1 || (tags.size() >= 2 && min > tags.size())) {
            minimum.setErrorMessage(MINIMUM_RANGE);
            minimum.setInvalid(true);
            ok = false;
        }
        if (!ok) {
            return null;
        }
        return new RedundancyGroupCommand(name.getValue().strip(), department.getValue().code(), min, tags);
    }
}
