package org.patchcare.advisories.application.csaf.validation;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.patchcare.advisories.application.csaf.validation.Json.text;

/**
 * The revision history of a document, as the tests need it: every item with its parsed version and date, and the
 * items sorted ascending by date (equal dates by version, so that two revisions released together keep their order).
 */
final class RevisionHistory {

    static final String PATH = "$.document.tracking.revision_history";

    record Item(int index, String number, Optional<DocumentVersion> version, String date, Optional<Instant> instant) {

        String path() {
            return Json.index(PATH, index);
        }

        String numberPath() {
            return Json.field(path(), "number");
        }
    }

    private final List<Item> items = new ArrayList<>();

    RevisionHistory(JsonNode tracking) {
        List<JsonNode> list = Json.items(tracking, "revision_history");
        for (int i = 0; i < list.size(); i++) {
            String number = text(list.get(i), "number");
            String date = text(list.get(i), "date");
            items.add(new Item(i, number, DocumentVersion.parse(number), date, VulnerabilityTests.instant(date)));
        }
    }

    List<Item> items() {
        return items;
    }

    /**
     * The items sorted by date, or empty when an item lacks a readable date or version (the schema reports
     * those; ordering tests then have nothing reliable to compare).
     */
    Optional<List<Item>> sortedByDate() {
        if (items.isEmpty() || items.stream().anyMatch(i -> i.instant().isEmpty() || i.version().isEmpty())) {
            return Optional.empty();
        }
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing((Item i) -> i.instant().orElseThrow())
                .thenComparing(i -> i.version().orElseThrow()));
        return Optional.of(sorted);
    }
}
