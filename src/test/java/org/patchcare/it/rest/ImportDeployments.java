package org.patchcare.it.rest;

import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Test deployments that need the REST API: adds {@link TestRestActivator} only if the WAR has no JAX-RS activator. */
public final class ImportDeployments {

    private static final byte[] MARKER = "jakarta/ws/rs/ApplicationPath".getBytes(StandardCharsets.US_ASCII);

    private ImportDeployments() {
    }

    public static WebArchive withRest(WebArchive war) {
        if (!hasRestActivator(war)) {
            war.addClass(TestRestActivator.class);
        }
        return war;
    }

    static boolean hasRestActivator(WebArchive war) {
        for (Map.Entry<ArchivePath, Node> e : war.getContent().entrySet()) {
            String path = e.getKey().get();
            Asset asset = e.getValue().getAsset();
            if (asset == null || !path.startsWith("/WEB-INF/classes/") || !path.endsWith(".class")) {
                continue;
            }
            try (InputStream in = asset.openStream()) {
                if (indexOf(in.readAllBytes(), MARKER) >= 0) {
                    return true;
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return false;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
