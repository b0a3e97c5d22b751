package org.patchcare.identity.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * What a password must be (OWASP ASVS 4.0 V2.1): at least 12 characters, at most 128, any characters (spaces and
 * Unicode too, counted as code points after NFC normalisation), no composition rules; not one of the common passwords
 * shipped with PatchCare (SecLists' top million, those of 12 characters and more); not the user name or display name.
 */
public final class PasswordPolicy {

    public static final int MIN = 12;
    public static final int MAX = 128;
    private static final String LIST = "/org/patchcare/identity/common-passwords.txt.gz";
    private static volatile PasswordPolicy standard;

    private final Set<String> common;

    public PasswordPolicy(Set<String> common) {
        this.common = common;
    }

    /** The policy with the shipped list of common passwords (read once, about 44,000 entries). */
    public static PasswordPolicy standard() {
        PasswordPolicy p = standard;
        if (p == null) {
            synchronized (PasswordPolicy.class) {
                if (standard == null) {
                    standard = new PasswordPolicy(load());
                }
                p = standard;
            }
        }
        return p;
    }

    /** The passwords's problems, written for the person choosing it; empty when it is acceptable. */
    public List<String> problems(String password, String username, String displayName) {
        List<String> out = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            out.add("Enter a password of at least " + MIN + " characters.");
            return out;
        }
        String nfc = Normalizer.normalize(password, Normalizer.Form.NFC);
        int length = nfc.codePointCount(0, nfc.length());
        if (length < MIN) {
            out.add("Use at least " + MIN + " characters; a few words with spaces make a good password.");
        } else if (length > MAX) {
            out.add("Use at most " + MAX + " characters.");
        }
        String lower = nfc.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.contains(lower.strip())) {
            out.add("This password is on a list of commonly used passwords; choose another.");
        } else if (nfc.codePoints().distinct().count() < 4) {
            out.add("This password repeats too few different characters; choose another.");
        }
        if (onlyDecorates(lower, username) || onlyDecorates(lower, displayName)) {
            out.add("The password must not be your user name or name with only digits or signs added.");
        }
        return out;
    }

    /** True when the password is the name (or a word of it) with nothing but digits, signs and spaces around it. */
    private static boolean onlyDecorates(String lowerPassword, String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        String n = Normalizer.normalize(name.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        List<String> candidates = new ArrayList<>(List.of(n, n.replaceAll("\\s+", "")));
        candidates.addAll(List.of(n.split("[\\s._-]+")));
        for (String c : candidates) {
            if (c.length() >= 3 && lowerPassword.contains(c)
                    && lowerPassword.replace(c, "").codePoints().noneMatch(Character::isLetter)) {
                return true;
            }
        }
        return false;
    }

    static Set<String> load() {
        Set<String> set = new HashSet<>(64_000);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("missing " + LIST);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    set.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set;
    }
}
