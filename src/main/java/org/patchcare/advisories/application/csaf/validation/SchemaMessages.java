package org.patchcare.advisories.application.csaf.validation;

import com.networknt.schema.Error;
import tools.jackson.databind.JsonNode;

/** Turns a JSON-schema failure into a sentence for a person (the long regular expressions are left out). */
final class SchemaMessages {

    private SchemaMessages() {
    }

    static String describe(Error error) {
        String keyword = String.valueOf(error.getKeyword());
        JsonNode value = error.getInstanceNode();
        return switch (keyword) {
            case "required" -> "the required property " + Json.quote(String.valueOf(error.getProperty()))
                    + " is missing";
            case "pattern" -> "the value " + shown(value) + " does not have the required format";
            case "enum" -> "the value " + shown(value) + " is not one of the allowed values "
                    + error.getSchemaNode();
            case "const" -> "the value " + shown(value) + " must be " + error.getSchemaNode();
            case "format" -> "the value " + shown(value) + " is not a valid " + error.getSchemaNode().asString();
            case "oneOf", "anyOf" -> "the value matches none of the allowed alternatives";
            case "minItems" -> "the list needs at least " + error.getSchemaNode() + " item(s)";
            case "minLength" -> "the value " + shown(value) + " is too short (at least " + error.getSchemaNode()
                    + " character(s))";
            case "uniqueItems" -> "the list contains the same item twice";
            case "additionalProperties" -> "the property " + Json.quote(String.valueOf(error.getProperty()))
                    + " is not defined by the schema";
            default -> error.getMessage();
        };
    }

    private static String shown(JsonNode value) {
        if (value == null) {
            return "(none)";
        }
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
