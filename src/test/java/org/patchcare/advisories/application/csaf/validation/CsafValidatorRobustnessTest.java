package org.patchcare.advisories.application.csaf.validation;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Documents broken on purpose: nodes of real documents (120 drawn per document), one at a time, replaced by a value of
 * the wrong type.
 * The validator must report, never throw.
 */
class CsafValidatorRobustnessTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int PER_FILE = 120;
    private final CsafValidator validator = CsafTestFiles.validator();

    @Test
    void reports_instead_of_throwing_when_any_node_has_the_wrong_type() {
        List<Path> samples = Stream.of("csaf/oasis-valid/examples", "csaf/oasis-valid/vex", "csaf/icsma")
                .flatMap(folder -> CsafTestFiles.jsonFiles(folder).stream().limit(3)).toList();
        Random random = new Random(7);
        int mutations = 0;
        for (Path sample : samples) {
            JsonNode original = CsafTestFiles.read(sample);
            List<String> paths = new ArrayList<>();
            collectPaths(original, "$", paths);
            Collections.shuffle(paths, random);
            for (String path : paths.subList(0, Math.min(PER_FILE, paths.size()))) {
                JsonNode broken = original.deepCopy();
                JsonNode replacement = wrongValue(random);
                replace(broken, path, replacement);
                assertThatCode(() -> assertThat(validator.validate(broken)).isNotNull())
                        .as("%s with %s set to %s", sample.getFileName(), path, replacement)
                        .doesNotThrowAnyException();
                mutations++;
            }
        }
        assertThat(mutations).isGreaterThan(500);
    }

    @Test
    void reports_a_csaf_version_given_as_a_number_as_unsupported() {
        JsonNode document = CsafTestFiles.read("csaf/oasis-valid/examples/bsi-2022-0001.json");
        ((ObjectNode) document.path("document")).put("csaf_version", 2.0);

        CsafValidationReport report = validator.validate(document);

        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.testId()).isEqualTo("csaf_version");
            assertThat(error.message()).contains("must be the text \"2.0\"");
        });
    }

    private static JsonNode wrongValue(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> NODES.stringNode("x");
            case 1 -> NODES.numberNode(42);
            case 2 -> NODES.nullNode();
            case 3 -> NODES.arrayNode().add("x");
            default -> NODES.objectNode().put("x", 1);
        };
    }

    private static void collectPaths(JsonNode node, String path, List<String> paths) {
        if (!path.equals("$")) {
            paths.add(path);
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                collectPaths(e.getValue(), path + "." + e.getKey(), paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectPaths(node.get(i), path + "[" + i + "]", paths);
            }
        }
    }

    private static void replace(JsonNode root, String path, JsonNode value) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        JsonNode parent = CsafTestFiles.at(root, path.substring(0, cut));
        if (path.charAt(cut) == '[') {
            ((ArrayNode) parent).set(Integer.parseInt(path.substring(cut + 1, path.length() - 1)), value);
        } else {
            ((ObjectNode) parent).set(path.substring(cut + 1), value);
        }
    }
}
