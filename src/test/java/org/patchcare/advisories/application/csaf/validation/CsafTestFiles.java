package org.patchcare.advisories.application.csaf.validation;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.patchcare.testsupport.TestData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The shared CSAF test files, one validator for all tests, and a resolver for the JSON paths of findings. */
final class CsafTestFiles {

    static final ObjectMapper JSON = new ObjectMapper();
    private static CsafValidator validator;

    private CsafTestFiles() {
    }

    /** Built once: the validator is meant to be shared. */
    static synchronized CsafValidator validator() {
        if (validator == null) {
            validator = new CsafValidator();
        }
        return validator;
    }

    static JsonNode read(Path file) {
        return JSON.readTree(file.toFile());
    }

    static JsonNode read(String relative) {
        return read(TestData.file(relative));
    }

    static CsafValidationReport validate(String relative) {
        return validator().validate(read(relative));
    }

    /** The rows of a CSV index under the test data, with its header. */
    static List<CSVRecord> index(String relative) {
        try (Reader reader = Files.newBufferedReader(TestData.file(relative))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON files of a folder under the test data, recursively, sorted. */
    static List<Path> jsonFiles(String folder) {
        try (Stream<Path> files = Files.walk(TestData.dir().resolve(folder))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().equals("testcases.json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String relative(Path file) {
        return TestData.dir().relativize(file).toString().replace('\\', '/');
    }

    /** Whether the path names a node of the document, or a missing node whose parent exists. */
    static boolean pointsInto(JsonNode root, String path) {
        if (!at(root, path).isMissingNode()) {
            return true;
        }
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut > 0 && !at(root, path.substring(0, cut)).isMissingNode();
    }

    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*)|\\[(\\d+)]|\\['((?:[^'\\\\]|\\\\.)*)']");

    /** The node a finding's path points at ({@code $.a.b[0]['c d']}); a missing node when there is none. */
    static JsonNode at(JsonNode root, String path) {
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("Not a JSON path: " + path);
        }
        JsonNode node = root;
        Matcher m = STEP.matcher(path);
        int position = 1;
        while (position < path.length()) {
            if (!m.find(position) || m.start() != position) {
                throw new IllegalArgumentException("Cannot read " + path + " at " + position);
            }
            if (m.group(1) != null) {
                node = node.path(m.group(1));
            } else if (m.group(2) != null) {
                node = node.path(Integer.parseInt(m.group(2)));
            } else {
                node = node.path(m.group(3).replace("\\'", "'").replace("\\\\", "\\"));
            }
            position = m.end();
        }
        return node;
    }
}
