package org.patchcare.it;

import jakarta.json.JsonObject;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.it.ServiceMatrix.Caller;
import org.patchcare.it.ServiceMatrix.Operation;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call which service operation: every row of {@link ServiceMatrix} is invoked on the server as each caller
 * (anonymous, biomed, manager, itsec, admin) through the probe servlet, and must be allowed or refused exactly as
 * the role rules say. A refusal is the container's EJBAccessException; anything else means the call got through.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServiceAccessIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Test
    void the_matrix_covers_every_public_operation_of_the_services() {
        Set<String> inMatrix = ServiceMatrix.OPERATIONS.stream().map(Operation::name).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (Class<?> service : ServiceMatrix.SERVICES) {
            for (Method m : service.getDeclaredMethods()) {
                String name = service.getSimpleName() + "." + m.getName();
                if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()
                        && !inMatrix.contains(name) && !ServiceMatrix.NOT_IN_MATRIX.contains(name)) {
                    missing.add(name);
                }
            }
        }
        assertThat(missing).as("public service operations without a row in ServiceMatrix.OPERATIONS; add one with "
                + "the roles that may call it").isEmpty();
        assertThat(inMatrix).as("one row per operation").hasSize(ServiceMatrix.OPERATIONS.size());
    }

    @Test
    void anonymous_callers_are_refused_everything() {
        assertMatrix(Caller.ANONYMOUS);
    }

    @Test
    void biomedical_technician_reads_everything_and_edits_devices_and_catalogue_only() {
        assertMatrix(Caller.BIOMED);
    }

    @Test
    void clinical_manager_only_reads() {
        assertMatrix(Caller.MANAGER);
    }

    @Test
    void it_security_only_reads() {
        assertMatrix(Caller.ITSEC);
    }

    @Test
    void administrator_may_do_everything() {
        assertMatrix(Caller.ADMIN);
    }

    private static void assertMatrix(Caller caller) {
        Probe probe = caller.username == null ? Probe.anonymous() : Probe.as(caller.username);
        assertThat(probe.call("whoami").value().toString()).as("the probe runs as the caller")
                .isEqualTo(caller.username == null ? "null" : "\"" + caller.username + "\"");
        JsonObject outcomes = probe.call("matrix").object();
        SoftAssertions soft = new SoftAssertions();
        for (Operation op : ServiceMatrix.OPERATIONS) {
            String outcome = outcomes.getString(op.name(), "missing from the probe's answer");
            boolean expectAllowed = caller.mayCall(op);
            if (expectAllowed) {
                soft.assertThat(outcome).as("%s calling %s (allowed for %s)", caller, op.name(), op.allowedRoles())
                        .startsWith("ALLOWED")
                        // the harmless inputs must end in a domain refusal or a result, never a crash
                        .satisfiesAnyOf(
                                o -> assertThat(o).isEqualTo("ALLOWED: returned"),
                                o -> assertThat(o).containsAnyOf("NotFoundException", "InvalidInputException",
                                        "ConflictException", "DomainException"));
            } else {
                soft.assertThat(outcome).as("%s calling %s (allowed only for %s)", caller, op.name(), op.allowedRoles())
                        .isEqualTo("DENIED");
            }
        }
        soft.assertAll();
    }
}
