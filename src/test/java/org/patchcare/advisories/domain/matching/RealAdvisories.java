package org.patchcare.advisories.domain.matching;

import org.patchcare.advisories.application.csaf.ProductTreeFlattener;
import org.patchcare.testsupport.TestData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The products of the real CISA advisories in the shared test data, flattened once per test run. */
public final class RealAdvisories {

    /** One advisory file and its flattened products. */
    public record Advisory(String file, String trackingId, List<AdvisoryProduct> products) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<Advisory>> CACHE = new LinkedHashMap<>();

    private RealAdvisories() {
    }

    /** The 107 ICSMA advisories. */
    public static List<Advisory> icsma() {
        return folder("csaf/icsma");
    }

    /** The 21 ICSA advisories. */
    public static List<Advisory> icsa() {
        return folder("csaf/icsa");
    }

    public static List<AdvisoryProduct> products(List<Advisory> advisories) {
        return advisories.stream().flatMap(a -> a.products().stream()).toList();
    }

    private static synchronized List<Advisory> folder(String folder) {
        return CACHE.computeIfAbsent(folder, f -> {
            ProductTreeFlattener flattener = new ProductTreeFlattener();
            List<Advisory> out = new ArrayList<>();
            try (Stream<Path> files = Files.list(TestData.dir().resolve(f))) {
                for (Path p : files.filter(x -> x.toString().endsWith(".json")).sorted().toList()) {
                    JsonNode doc = JSON.readTree(p);
                    out.add(new Advisory(p.getFileName().toString(),
                            doc.path("document").path("tracking").path("id").asString(), flattener.flatten(doc)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return List.copyOf(out);
        });
    }
}
