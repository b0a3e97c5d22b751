package org.patchcare.shared.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for every API request and response, with JSON-B's default settings (the same ones RESTEasy
 * would use). Without this resolver RESTEasy builds a new {@link Jsonb} for each body it reads or writes, and with it
 * Yasson's class models, which it then parses again from the records by reflection: about a third of the CPU time of
 * a device-list request (docs/benchmarks.md, "API throughput"). A {@code Jsonb} is thread-safe and caches those
 * models, so the application shares one for its whole life.
 */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
