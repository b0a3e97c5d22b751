package org.patchcare.audit.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.patchcare.shared.ui.MainLayout;

import java.util.List;

/** The audit trail in the side navigation (administrators only see it). */
public class AuditNavigation implements MainLayout.NavContributor {
    @Override
    public List<MainLayout.NavEntry> entries() {
        return List.of(new MainLayout.NavEntry("Audit trail", AuditTrailView.class, VaadinIcon.RECORDS, 96));
    }
}
