package org.patchcare.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.patchcare.inventory.application.DepartmentContextChanged;
import org.patchcare.inventory.application.DeviceContextChanged;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Test-only, deployed with the test WAR: remembers the context events of committed inventory changes, as the risk
 * context will hear them, so that ITs can ask through the probe servlet which causes were announced.
 */
@ApplicationScoped
public class ContextEventRecorder {

    private final Queue<DeviceContextChanged> devices = new ConcurrentLinkedQueue<>();
    private final Queue<DepartmentContextChanged> departments = new ConcurrentLinkedQueue<>();

    void device(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeviceContextChanged e) {
        devices.add(e);
    }

    void department(@Observes(during = TransactionPhase.AFTER_SUCCESS) DepartmentContextChanged e) {
        departments.add(e);
    }

    /** The causes announced for this device, oldest first. */
    public List<String> device(String assetTag) {
        return devices.stream().filter(e -> e.assetTag().equals(assetTag)).map(DeviceContextChanged::what).toList();
    }

    /** The causes announced for this department, oldest first. */
    public List<String> department(String code) {
        return departments.stream().filter(e -> e.code().equals(code)).map(DepartmentContextChanged::what).toList();
    }
}
