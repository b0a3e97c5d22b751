package org.patchcare.audit.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail is append-only for the application: no code path changes or removes an entry. */
class AuditAppendOnlyTest {

    private static final Pattern WRITE = Pattern.compile(
            "(?i)(update\\s+audit_?entry|delete\\s+(from\\s+)?audit_?entry|truncate\\s+(table\\s+)?audit_entry"
                    + "|drop\\s+table\\s+(if\\s+exists\\s+)?audit_entry|alter\\s+table\\s+audit_entry\\s+drop)");

    @Test
    void no_main_code_or_migration_updates_or_deletes_audit_entries() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            offending = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
                    .filter(p -> {
                        try {
                            return WRITE.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).map(Path::toString).toList();
        }
        assertThat(offending).as("files that change or remove audit entries").isEmpty();
    }

    @Test
    void the_pattern_would_find_such_code() {
        assertThat(WRITE.matcher("em.createQuery(\"delete from AuditEntry a where a.id < 5\")").find()).isTrue();
        assertThat(WRITE.matcher("UPDATE audit_entry SET actor = 'x'").find()).isTrue();
        assertThat(WRITE.matcher("INSERT INTO audit_entry (id) VALUES (1)").find()).isFalse();
    }

    @Test
    void an_entry_refuses_to_be_updated_or_removed_by_jpa() {
        AuditEntry e = new AuditEntry(Instant.EPOCH, "admin", "Device", "ICU-1", AuditEntry.Action.CREATE, "[]", null);
        assertThatThrownBy(e::refuseChange).isInstanceOf(IllegalStateException.class).hasMessageContaining("append-only");
    }
}
