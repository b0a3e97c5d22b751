package org.patchcare.shared.io;

import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;

/**
 * Reads a JSON flag as {@code true} or {@code false} only. JSON-B alone reads any text as a boolean ("spare" becomes
 * false) and so would store a typo silently; put {@code @JsonbTypeDeserializer(StrictJsonBoolean.class)} on the
 * property to refuse it instead.
 */
public final class StrictJsonBoolean implements JsonbDeserializer<Boolean> {

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
        JsonValue v = parser.getValue();
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return v == JsonValue.TRUE;
        }
        throw new JsonbException("write true or false, not " + v);
    }
}
