package org.patchcare.shared.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Message digests as lower-case hex: content hashes, keys, checksums. */
public final class Digests {

    private Digests() {
    }

    /** SHA-256 of the text's UTF-8 bytes. */
    public static String sha256Hex(String text) {
        return hex("SHA-256", text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest of {@code bytes} with {@code algorithm} (e.g. SHA-256, SHA-512). */
    public static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no " + algorithm, e);
        }
    }
}
