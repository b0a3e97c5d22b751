package org.patchcare.inventory.application;

import java.time.LocalDate;
import java.util.List;

/** Read records of the catalogue: manufacturers (with aliases) and device models. */
public final class CatalogViews {
    private CatalogViews() {
    }

    public record ManufacturerView(String id, String name, List<String> aliases, long models, int version) {
    }

    public record ModelView(String id, String manufacturerId, String manufacturer, String name, String modelNumber,
                            String deviceType, LocalDate endOfSupport, long devices, int version) {
        public String label() {
            return manufacturer + " " + name;
        }
    }
}
