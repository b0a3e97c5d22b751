package org.patchcare.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the layers one-way (domain → application → ui/api) and the contexts apart, by reading the imports of the
 * main sources. A violation names the file and the import.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/org/patchcare");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> CONTEXTS = List.of("inventory", "identity", "audit", "advisories", "risk",
            "downtime", "approvals", "patching", "reporting", "notifications");

    record Source(Path path, String context, String layer, List<String> imports) {
    }

    private static List<Source> sources() throws IOException {
        List<Source> result = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path rel = MAIN.relativize(p);
                String context = rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
                String layer = rel.getNameCount() > 2 ? rel.getName(1).toString() : "";
                List<String> imports = new ArrayList<>();
                Matcher m = IMPORT.matcher(Files.readString(p));
                while (m.find()) {
                    imports.add(m.group(2));
                }
                result.add(new Source(rel, context, layer, imports));
            }
        }
        return result;
    }

    @Test
    void domain_classes_import_nothing_from_ui_api_application_or_vaadin() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Source s : sources()) {
            if (!s.layer().equals("domain")) {
                continue;
            }
            for (String imp : s.imports()) {
                if (imp.matches("org\\.patchcare\\.\\w+\\.(ui|api|application)\\..*") || imp.startsWith("com.vaadin.")
                        || imp.startsWith("jakarta.ws.rs.")) {
                    violations.add(s.path() + " imports " + imp);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void application_services_do_not_depend_on_ui_or_api() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Source s : sources()) {
            if (!s.layer().equals("application")) {
                continue;
            }
            for (String imp : s.imports()) {
                if (imp.matches("org\\.patchcare\\.\\w+\\.(ui|api)\\..*") || imp.startsWith("com.vaadin.")
                        || imp.startsWith("jakarta.ws.rs.")) {
                    violations.add(s.path() + " imports " + imp);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void contexts_use_each_other_only_through_application_services() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Source s : sources()) {
            if (!CONTEXTS.contains(s.context())) {
                continue;
            }
            for (String imp : s.imports()) {
                for (String other : CONTEXTS) {
                    if (!other.equals(s.context()) && imp.matches("org\\.patchcare\\." + other + "\\.(domain|persistence)\\..*")) {
                        violations.add(s.path() + " reaches into " + imp);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void shared_kernel_does_not_depend_on_any_context_except_through_identity_application() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Source s : sources()) {
            if (!s.context().equals("shared")) {
                continue;
            }
            for (String imp : s.imports()) {
                if (imp.matches("org\\.patchcare\\.(" + String.join("|", CONTEXTS) + ")\\..*")
                        && !imp.startsWith("org.patchcare.identity.application.")) {
                    violations.add(s.path() + " imports " + imp);
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
