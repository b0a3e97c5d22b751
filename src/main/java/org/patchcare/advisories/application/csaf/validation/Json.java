package org.patchcare.advisories.application.csaf.validation;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Small, forgiving accessors for a document that may not match the schema, and the JSON paths used in findings
 * ({@code $.a.b[0]}, or {@code $['odd key']} for keys that are not plain identifiers).
 */
final class Json {

    static final String ROOT = "$";
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Json() {
    }

    static String field(String path, String name) {
        if (PLAIN_KEY.matcher(name).matches()) {
            return path + "." + name;
        }
        return path + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    static String index(String path, int index) {
        return path + "[" + index + "]";
    }

    /** The string value of {@code node.name}, or null when it is absent or not a string. */
    static String text(JsonNode node, String name) {
        return text(node == null ? null : node.get(name));
    }

    static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    /** The elements of an array, or an empty list when the node is absent or not an array. */
    static List<JsonNode> items(JsonNode array) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<JsonNode> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            result.add(array.get(i));
        }
        return result;
    }

    static List<JsonNode> items(JsonNode node, String arrayName) {
        return items(node == null ? null : node.get(arrayName));
    }

    /** The string elements of an array (others skipped, with their index kept in the second list). */
    static List<Indexed<String>> strings(JsonNode node, String arrayName) {
        List<Indexed<String>> result = new ArrayList<>();
        List<JsonNode> items = items(node, arrayName);
        for (int i = 0; i < items.size(); i++) {
            String s = text(items.get(i));
            if (s != null) {
                result.add(new Indexed<>(i, s));
            }
        }
        return result;
    }

    static boolean isObject(JsonNode node) {
        return node != null && node.isObject();
    }

    /** A value with its position in the array it came from. */
    record Indexed<T>(int index, T value) {
    }

    static String quote(String s) {
        return "\"" + s + "\"";
    }
}
