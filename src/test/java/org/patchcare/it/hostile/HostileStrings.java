package org.patchcare.it.hostile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hostile-input corpus (src/test/resources/hostile/strings.txt) decoded: \\uXXXX (lone surrogates included),
 * \\n, \\r, \\t, \\0 and \\\\ escapes, {repeat:N:x} for long strings; lines starting with # are comments.
 */
public final class HostileStrings {

    private static final Pattern REPEAT = Pattern.compile("\\{repeat:(\\d+):(.)}");

    private HostileStrings() {
    }

    public static List<String> all() {
        try (InputStream in = HostileStrings.class.getResourceAsStream("/hostile/strings.txt")) {
            if (in == null) {
                throw new IllegalStateException("hostile/strings.txt is missing from the test class path");
            }
            List<String> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(decode(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String decode(String line) {
        Matcher m = REPEAT.matcher(line);
        if (m.matches()) {
            return m.group(2).repeat(Integer.parseInt(m.group(1)));
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\' || i + 1 == line.length()) {
                b.append(c);
                continue;
            }
            char n = line.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case '0' -> b.append('\0');
                case '\\' -> b.append('\\');
                case '"' -> b.append('"');
                case 'u' -> {
                    b.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append('\\').append(n);
            }
        }
        return b.toString();
    }

    /** A JSON string literal with everything outside printable ASCII escaped, so lone surrogates reach the server. */
    public static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A short printable label of a corpus value for failure messages. */
    public static String label(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + " chars)" : s;
        StringBuilder b = new StringBuilder();
        for (char c : shown.toCharArray()) {
            b.append(c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c) || c == 0x202e
                    ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }
}
