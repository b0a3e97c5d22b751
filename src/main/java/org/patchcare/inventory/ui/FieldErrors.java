package org.patchcare.inventory.ui;

import com.vaadin.flow.component.HasValidation;
import org.patchcare.shared.domain.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Puts the server's validation messages next to the fields they name; returns those that match no field. */
public final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    public FieldErrors field(String property, HasValidation field) {
        fields.put(property, field);
        return this;
    }

    public void clear() {
        fields.values().forEach(f -> f.setInvalid(false));
    }

    public List<String> show(InvalidInputException e) {
        clear();
        List<String> unmatched = new ArrayList<>();
        for (InvalidInputException.Violation v : e.violations()) {
            HasValidation f = fields.get(v.field());
            if (f == null) {
                unmatched.add(v.message());
            } else {
                f.setErrorMessage(v.message());
                f.setInvalid(true);
            }
        }
        if (!unmatched.isEmpty()) {
            Notices.warning(String.join("; ", unmatched));
        }
        return unmatched;
    }
}
