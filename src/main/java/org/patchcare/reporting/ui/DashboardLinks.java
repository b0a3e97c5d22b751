package org.patchcare.reporting.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.router.QueryParameters;
import org.patchcare.downtime.ui.ChangeRequestListView;
import org.patchcare.inventory.ui.DeviceDetailView;
import org.patchcare.inventory.ui.DeviceFilterParams;
import org.patchcare.inventory.ui.DeviceListView;
import org.patchcare.risk.application.RiskViews.QueueFilter;
import org.patchcare.risk.ui.RiskQueueView;
import org.patchcare.shared.ui.ViewAccessControl;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a bar, point or number of a dashboard leads: the filtered list behind it, built with the parameters of the
 * list's own screen (so the names stay in one place). A link is only made when the caller may open that screen (a
 * clinical manager cannot open IT's work queue): otherwise null, and the chart shows the bar without a link.
 */
final class DashboardLinks {

    /** The device list's support filter for devices past their end of support. */
    static final String UNSUPPORTED = "UNSUPPORTED";

    private final boolean queue;
    private final boolean devices;
    private final boolean changeRequests;

    DashboardLinks(boolean queue, boolean devices, boolean changeRequests) {
        this.queue = queue;
        this.devices = devices;
        this.changeRequests = changeRequests;
    }

    /** The links the current caller may follow. */
    static DashboardLinks forCaller() {
        VaadinRequest r = VaadinRequest.getCurrent();
        return new DashboardLinks(ViewAccessControl.mayOpen(RiskQueueView.class, r),
                ViewAccessControl.mayOpen(DeviceListView.class, r)
                        && ViewAccessControl.mayOpen(DeviceDetailView.class, r),
                ViewAccessControl.mayOpen(ChangeRequestListView.class, r));
    }

    /** Open exposures in IT's work queue, e.g. {@code risk?outcome=IMMEDIATE&department=ICU&overdue=true}. */
    String queue(String departmentCode, String outcome, boolean overdueOnly) {
        return queue ? RiskQueueView.link(new QueueFilter(outcome, departmentCode, null,
                overdueOnly ? Boolean.TRUE : null, null, null)) : null;
    }

    /** Open exposures due within the next seven days (not yet overdue), e.g. {@code risk?department=ICU&dueWithinWeek=true}. */
    String queueDueThisWeek(String departmentCode) {
        return queue ? RiskQueueView.link(new QueueFilter(null, departmentCode, null, null, null, null, Boolean.TRUE))
                : null;
    }

    /**
     * The device list, e.g. {@code devices?department=ICU&support=UNSUPPORTED}: the parameters go through the device
     * list's own parsing ({@link DeviceFilterParams}), so the link is exactly what that screen reads.
     */
    String devices(String departmentCode, String manufacturerId, boolean unsupportedOnly) {
        if (!devices) {
            return null;
        }
        Map<String, String> p = new LinkedHashMap<>();
        put(p, DeviceFilterParams.DEPARTMENT, departmentCode);
        put(p, DeviceFilterParams.MANUFACTURER, manufacturerId);
        put(p, DeviceFilterParams.SUPPORT, unsupportedOnly ? UNSUPPORTED : null);
        return DeviceFilterParams.link(DeviceFilterParams.fromQuery(QueryParameters.simple(p)));
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null) {
            p.put(key, value);
        }
    }

    /** One device's screen, e.g. {@code devices/BME-000123}. */
    String device(String assetTag) {
        return devices && assetTag != null
                ? "devices/" + URLEncoder.encode(assetTag, StandardCharsets.UTF_8).replace("+", "%20") : null;
    }

    /** Change requests waiting for approval (submitted), of one department or all. */
    String awaitingApproval(String departmentCode) {
        return changeRequests ? ChangeRequestListView.linkAwaitingApproval(departmentCode) : null;
    }

    /** A department's change requests, in any state. */
    String changeRequests(String departmentCode) {
        return changeRequests ? ChangeRequestListView.linkToDepartment(departmentCode) : null;
    }
}
