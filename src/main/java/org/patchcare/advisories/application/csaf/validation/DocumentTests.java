package org.patchcare.advisories.application.csaf.validation;

import tools.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.patchcare.advisories.application.csaf.validation.Json.quote;
import static org.patchcare.advisories.application.csaf.validation.Json.text;

/**
 * Mandatory tests on the document metadata: language (6.1.12, 6.1.15, 6.1.28), revision history and version
 * (6.1.14, 6.1.16 to 6.1.22, 6.1.30) and the document category (6.1.26).
 */
final class DocumentTests {

    static final String TRACKING = "$.document.tracking";
    static final Set<String> PROFILE_CATEGORIES = Set.of("csaf_base", "csaf_security_incident_response",
            "csaf_informational_advisory", "csaf_security_advisory", "csaf_vex");
    private static final Set<String> OTHER_PROFILE_NAMES = Set.of("securityincidentresponse",
            "informationaladvisory", "securityadvisory", "vex", "csafsecurityincidentresponse",
            "csafinformationaladvisory", "csafsecurityadvisory", "csafvex");

    private final LanguageTags languages;

    DocumentTests(LanguageTags languages) {
        this.languages = languages;
    }

    void run(CsafDocument doc, Findings findings) {
        JsonNode document = doc.document();
        languages(document, findings);
        translator(document, findings);
        RevisionHistory history = new RevisionHistory(doc.tracking());
        String status = text(doc.tracking(), "status");
        String versionText = text(doc.tracking(), "version");
        Optional<DocumentVersion> version = DocumentVersion.parse(versionText);
        history.sortedByDate().ifPresent(sorted -> {
            sortedHistory(sorted, findings);
            latestVersion(sorted, versionText, status, findings);
            missingItems(sorted, findings);
        });
        draftStatus(version, status, findings);
        releasedHistory(history, status, findings);
        preReleaseRevisions(history, findings);
        nonDraftVersion(version, status, findings);
        duplicateRevisions(history, findings);
        mixedVersioning(history, version, findings);
        category(doc.category(), findings);
    }

    /** 6.1.12 Language, 6.1.28 Translation. */
    private void languages(JsonNode document, Findings findings) {
        String lang = text(document, "lang");
        String sourceLang = text(document, "source_lang");
        for (String name : List.of("lang", "source_lang")) {
            String tag = text(document, name);
            if (tag != null && !languages.isValid(tag)) {
                findings.error("6.1.12", "$.document." + name, "The language code " + quote(tag)
                        + " is not a valid language tag (BCP 47 with subtags from the IANA registry), e.g. \"en\""
                        + " or \"de-DE\".");
            }
        }
        if (lang != null && sourceLang != null && lang.equalsIgnoreCase(sourceLang)) {
            findings.error("6.1.28", "$.document.source_lang", "The document language and the source language are"
                    + " both " + quote(lang) + "; a translation must be in another language than its source.");
        }
    }

    /** 6.1.15 Translator. */
    private static void translator(JsonNode document, Findings findings) {
        String sourceLang = text(document, "source_lang");
        if ("translator".equals(text(document.path("publisher"), "category"))
                && (sourceLang == null || sourceLang.isEmpty())) {
            findings.error("6.1.15", "$.document", "The publisher is a translator but the document does not give"
                    + " the source language (document.source_lang).");
        }
    }

    /** 6.1.14 Sorted Revision History. */
    private static void sortedHistory(List<RevisionHistory.Item> sorted, Findings findings) {
        for (int i = 1; i < sorted.size(); i++) {
            RevisionHistory.Item previous = sorted.get(i - 1);
            RevisionHistory.Item item = sorted.get(i);
            if (item.version().orElseThrow().compareTo(previous.version().orElseThrow()) < 0) {
                findings.error("6.1.14", item.numberPath(), "The revision history is out of order: version "
                        + item.number() + " is dated " + item.date() + ", after version " + previous.number()
                        + " (" + previous.date() + "); sorted by date, the version numbers must go up.");
            }
        }
    }

    /** 6.1.16 Latest Document Version. */
    private static void latestVersion(List<RevisionHistory.Item> sorted, String version, String status,
            Findings findings) {
        if (version == null) {
            return;
        }
        String latest = sorted.getLast().number();
        boolean draft = "draft".equals(status);
        if (!normalize(latest, draft).equals(normalize(version, draft))) {
            findings.error("6.1.16", TRACKING + ".version", "The document version is " + version
                    + " but the latest revision in the revision history is " + latest + "; they must match.");
        }
    }

    private static String normalize(String version, boolean draft) {
        String result = version.split("\\+", 2)[0];
        if (draft) {
            result = result.split("-", 2)[0];
        }
        return result;
    }

    /** 6.1.17 Document Status Draft. */
    private static void draftStatus(Optional<DocumentVersion> version, String status, Findings findings) {
        version.filter(v -> v.isZeroMajor() || v.hasPreRelease())
                .filter(v -> status != null && !status.equals("draft"))
                .ifPresent(v -> findings.error("6.1.17", TRACKING + ".status", "The document version " + v.text()
                        + " marks a draft (version 0, 0.y.z or a pre-release) but the status is " + quote(status)
                        + "; set the status to \"draft\"."));
    }

    /** 6.1.18 Released Revision History. */
    private static void releasedHistory(RevisionHistory history, String status, Findings findings) {
        if (!"final".equals(status) && !"interim".equals(status)) {
            return;
        }
        for (RevisionHistory.Item item : history.items()) {
            if (item.version().filter(DocumentVersion::isZeroMajor).isPresent()) {
                findings.error("6.1.18", item.numberPath(), "The document is " + quote(status)
                        + " but its revision history contains the pre-release version " + item.number()
                        + " (version 0 or 0.y.z); remove draft revisions from a released document.");
            }
        }
    }

    /** 6.1.19 Revision History Entries for Pre-release Versions. */
    private static void preReleaseRevisions(RevisionHistory history, Findings findings) {
        for (RevisionHistory.Item item : history.items()) {
            if (item.version().filter(DocumentVersion::hasPreRelease).isPresent()) {
                findings.error("6.1.19", item.numberPath(), "The revision history contains the pre-release version "
                        + item.number() + "; pre-releases must not be listed in the revision history.");
            }
        }
    }

    /** 6.1.20 Non-draft Document Version. */
    private static void nonDraftVersion(Optional<DocumentVersion> version, String status, Findings findings) {
        if (!"final".equals(status) && !"interim".equals(status)) {
            return;
        }
        version.filter(DocumentVersion::hasPreRelease).ifPresent(v -> findings.error("6.1.20",
                TRACKING + ".version", "The document is " + quote(status) + " but its version " + v.text()
                        + " has a pre-release part (-" + v.preRelease() + ")."));
    }

    /** 6.1.21 Missing Item in Revision History. */
    private static void missingItems(List<RevisionHistory.Item> sorted, Findings findings) {
        BigInteger first = sorted.getFirst().version().orElseThrow().major();
        if (first.compareTo(BigInteger.ONE) > 0) {
            findings.error("6.1.21", RevisionHistory.PATH, "The revision history starts with version "
                    + sorted.getFirst().number() + "; the earliest revision must be version 0 or 1"
                    + " (major version 0 or 1).");
        }
        TreeSet<BigInteger> majors = new TreeSet<>();
        sorted.forEach(item -> majors.add(item.version().orElseThrow().major()));
        BigInteger expected = majors.first();
        for (BigInteger major : majors) {
            if (major.compareTo(expected) > 0) {
                findings.error("6.1.21", RevisionHistory.PATH, "The revision history has no item for version "
                        + expected + (expected.add(BigInteger.ONE).equals(major) ? "" : " to " + major.subtract(
                        BigInteger.ONE)) + "; every (major) version must be listed.");
            }
            expected = major.add(BigInteger.ONE);
        }
    }

    /** 6.1.22 Multiple Definition in Revision History. */
    private static void duplicateRevisions(RevisionHistory history, Findings findings) {
        Map<String, Integer> seen = new HashMap<>();
        for (RevisionHistory.Item item : history.items()) {
            if (item.number() == null) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(item.number(), item.index());
            if (earlier != null) {
                findings.error("6.1.22", item.numberPath(), "Version " + item.number()
                        + " appears more than once in the revision history (also item " + earlier + ").");
            }
        }
    }

    /** 6.1.30 Mixed Integer and Semantic Versioning. */
    private static void mixedVersioning(RevisionHistory history, Optional<DocumentVersion> version,
            Findings findings) {
        List<DocumentVersion> all = new ArrayList<>();
        version.ifPresent(all::add);
        history.items().forEach(item -> item.version().ifPresent(all::add));
        Optional<DocumentVersion> integer = all.stream().filter(v -> !v.semantic()).findFirst();
        Optional<DocumentVersion> semantic = all.stream().filter(DocumentVersion::semantic).findFirst();
        if (integer.isPresent() && semantic.isPresent()) {
            findings.error("6.1.30", TRACKING, "The document mixes integer versioning (" + integer.get().text()
                    + ") and semantic versioning (" + semantic.get().text() + ") in its version and revision"
                    + " history; use one scheme throughout.");
        }
    }

    /** 6.1.26 Prohibited Document Category Name. */
    private static void category(String category, Findings findings) {
        if (category == null || PROFILE_CATEGORIES.contains(category)) {
            return;
        }
        String normalized = category.toLowerCase(Locale.ROOT).replaceAll("[-_\\s]", "");
        if (OTHER_PROFILE_NAMES.contains(normalized)) {
            findings.error("6.1.26", "$.document.category", "The document category " + quote(category)
                    + " imitates the name of a CSAF profile; use the profile's exact value (e.g."
                    + " \"csaf_security_advisory\") or another category name.");
        } else if (category.toLowerCase(Locale.ROOT).startsWith("csaf_")) {
            findings.error("6.1.26", "$.document.category", "The document category " + quote(category)
                    + " starts with the reserved prefix \"csaf_\", which only the CSAF profiles may use.");
        }
    }
}
