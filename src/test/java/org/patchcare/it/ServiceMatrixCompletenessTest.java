package org.patchcare.it;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;
import org.patchcare.shared.api.ApiApplication;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bean of the application that checks roles (a {@code @Stateless}, {@code @Singleton} or CDI bean carrying
 * {@code @RolesAllowed} or {@code @DenyAll} on the class or a method) is in {@link ServiceMatrix#SERVICES}, so
 * ServiceAccessIT's own check (every public method has a row) reaches it. Fails naming the class to add.
 */
class ServiceMatrixCompletenessTest {

    /** Beans with role annotations that are not services of the matrix, each with why. */
    static final Set<String> NOT_SERVICES = Set.of();

    @Test
    void every_bean_with_role_checks_is_in_the_service_matrix() throws Exception {
        Path root = Paths.get(ApiApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> inMatrix = new TreeSet<>();
        ServiceMatrix.SERVICES.forEach(c -> inMatrix.add(c.getName()));
        Set<String> missing = new TreeSet<>();
        int beans = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (!name.startsWith("org.patchcare.") || name.contains("$")) {
                    continue;
                }
                Class<?> c;
                try {
                    c = Class.forName(name, false, getClass().getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                if (!isBean(c) || !checksRoles(c)) {
                    continue;
                }
                beans++;
                if (!inMatrix.contains(name) && !NOT_SERVICES.contains(name)) {
                    missing.add(name);
                }
            }
        }
        assertThat(beans).as("the scan finds the services").isGreaterThan(15);
        assertThat(missing).as("beans with @RolesAllowed/@DenyAll that are not in ServiceMatrix.SERVICES: add the "
                + "class to SERVICES and a row per public method to ServiceMatrix.OPERATIONS (and the service to the "
                + "Services record and ProbeServlet)").isEmpty();
    }

    private static boolean isBean(Class<?> c) {
        return c.isAnnotationPresent(jakarta.ejb.Stateless.class) || c.isAnnotationPresent(jakarta.ejb.Singleton.class)
                || c.isAnnotationPresent(jakarta.ejb.Stateful.class)
                || c.isAnnotationPresent(jakarta.enterprise.context.ApplicationScoped.class)
                || c.isAnnotationPresent(jakarta.enterprise.context.RequestScoped.class);
    }

    private static boolean checksRoles(Class<?> c) {
        if (c.isAnnotationPresent(RolesAllowed.class) || c.isAnnotationPresent(DenyAll.class)) {
            return true;
        }
        for (Method m : c.getDeclaredMethods()) {
            if (m.isAnnotationPresent(RolesAllowed.class) || m.isAnnotationPresent(DenyAll.class)) {
                return true;
            }
        }
        return false;
    }
}
