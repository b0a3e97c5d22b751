package org.patchcare.inventory.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** One label and value of a read-only field list ({@code pc-fields}): the device screen, the exposure decision. */
public final class ReadOnlyField {

    private ReadOnlyField() {
    }

    public static Div of(String label, Component... value) {
        Span l = new Span(label);
        l.addClassName("pc-field-label");
        Div v = new Div(value);
        v.addClassName("pc-field-value");
        Div f = new Div(l, v);
        f.addClassName("pc-field");
        return f;
    }
}
