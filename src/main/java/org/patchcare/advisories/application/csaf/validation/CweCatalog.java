package org.patchcare.advisories.application.csaf.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CWE weaknesses and every name each carried in the CWE catalogue versions 1.0 to 4.17
 * ({@code classpath:csaf/validation/cwe-names.tsv}). A CWE is valid for test 6.1.11 when its id exists and its name
 * is one the catalogue used for that id: advisories written years ago keep the name of their day.
 */
final class CweCatalog {

    private static final String RESOURCE = "/csaf/validation/cwe-names.tsv";

    private final Map<String, List<String>> names = new HashMap<>();

    CweCatalog() {
        TsvResource.read(RESOURCE, columns -> names.computeIfAbsent(columns[0], k -> new ArrayList<>()).add(columns[1]));
    }

    boolean exists(String id) {
        return names.containsKey(id);
    }

    boolean isNameOf(String id, String name) {
        return names.getOrDefault(id, List.of()).contains(name);
    }

    /** The name of the weakness in the newest catalogue version. */
    String currentName(String id) {
        List<String> list = names.get(id);
        return list == null ? null : list.getLast();
    }
}
