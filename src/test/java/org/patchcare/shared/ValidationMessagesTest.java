package org.patchcare.shared;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every {patchcare.*} message key used in a constraint has a text, so no one ever sees "{patchcare.ip.pattern}". */
class ValidationMessagesTest {

    @Test
    void every_message_key_used_in_the_code_has_a_text() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("\\{(patchcare\\.[A-Za-z.]+)}");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(p));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        Properties texts = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/ValidationMessages.properties")) {
            assertThat(in).as("ValidationMessages.properties on the classpath").isNotNull();
            texts.load(in);
        }
        assertThat(used).isNotEmpty();
        assertThat(texts.stringPropertyNames()).containsAll(used);
        texts.stringPropertyNames().forEach(k -> assertThat(texts.getProperty(k)).as(k).isNotBlank());
    }
}
