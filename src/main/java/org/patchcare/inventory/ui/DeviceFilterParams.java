package org.patchcare.inventory.ui;

import com.vaadin.flow.router.QueryParameters;
import org.patchcare.inventory.application.DeviceFilter;
import org.patchcare.inventory.domain.Criticality;
import org.patchcare.inventory.domain.DeviceStatus;
import org.patchcare.inventory.domain.SupportStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The device-list filter as URL query parameters, so that other screens (and bookmarks) can link to a filtered list,
 * e.g. {@code devices?department=ICU&support=UNSUPPORTED}. Unknown or malformed values are ignored rather than
 * failing the page: a stale bookmark still opens the list.
 */
public final class DeviceFilterParams {

    public static final String TEXT = "text";
    public static final String DEPARTMENT = "department";
    public static final String STATUS = "status";
    public static final String MANUFACTURER = "manufacturer";
    public static final String MODEL = "model";
    public static final String CRITICALITY = "criticality";
    public static final String SUPPORT = "support";

    private DeviceFilterParams() {
    }

    public static DeviceFilter fromQuery(QueryParameters query) {
        Map<String, List<String>> p = query == null ? Map.of() : query.getParameters();
        return new DeviceFilter(
                single(p, TEXT),
                upper(single(p, DEPARTMENT)),
                enumValue(DeviceStatus.class, single(p, STATUS)),
                single(p, MANUFACTURER),
                single(p, MODEL),
                enumValue(Criticality.class, single(p, CRITICALITY)),
                enumValue(SupportStatus.class, single(p, SUPPORT)));
    }

    public static QueryParameters toQuery(DeviceFilter f) {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, TEXT, f.text() == null ? null : f.text().strip());
        put(p, DEPARTMENT, f.department());
        put(p, STATUS, f.status() == null ? null : f.status().name());
        put(p, MANUFACTURER, f.manufacturer());
        put(p, MODEL, f.model());
        put(p, CRITICALITY, f.criticality() == null ? null : f.criticality().name());
        put(p, SUPPORT, f.support() == null ? null : f.support().name());
        return QueryParameters.simple(p);
    }

    /** The relative link to the device list showing this filter, e.g. {@code devices?department=ICU}. */
    public static String link(DeviceFilter f) {
        String q = toQuery(f).getQueryString();
        return q.isEmpty() ? "devices" : "devices?" + q;
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null && !value.isBlank()) {
            p.put(key, value);
        }
    }

    private static String single(Map<String, List<String>> p, String key) {
        List<String> values = p.get(key);
        if (values == null || values.isEmpty() || values.getFirst() == null || values.getFirst().isBlank()) {
            return null;
        }
        return values.getFirst().strip();
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null; // a mistyped link shows the unfiltered list instead of an error page
        }
    }
}
