package org.patchcare.advisories.application.csaf;

import org.patchcare.shared.domain.Digests;
import org.patchcare.shared.domain.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading CSAF JSON, and the content hash that tells a changed document from the same one sent again. */
public final class CsafJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private CsafJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses a document.
     *
     * @throws InvalidInputException (code {@code json}) naming the line and column when the body is not JSON, or
     *                               is not a JSON object
     */
    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("$", "The document is empty. Send the CSAF JSON as the body.");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidInputException(List.of(new InvalidInputException.Violation("$",
                    "This is not valid JSON" + where + ": " + e.getOriginalMessage(), "json")));
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(List.of(new InvalidInputException.Violation("$",
                    "A CSAF document is a JSON object; this body is not.", "json")));
        }
        return node;
    }

    /**
     * SHA-256 of the document in a canonical form (keys sorted, no insignificant white space), so that re-formatting
     * or re-ordering keys does not count as a change, while any changed value does.
     */
    public static String contentHash(JsonNode node) {
        StringBuilder sb = new StringBuilder(4096);
        canonical(node, sb);
        return Digests.sha256Hex(sb.toString());
    }

    private static void canonical(JsonNode node, StringBuilder sb) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
            entries.sort(Map.Entry.comparingByKey());
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : entries) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(MAPPER.writeValueAsString(e.getKey())).append(':');
                canonical(e.getValue(), sb);
            }
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            boolean first = true;
            for (JsonNode child : node.values()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                canonical(child, sb);
            }
            sb.append(']');
        } else {
            sb.append(MAPPER.writeValueAsString(node));
        }
    }
}
