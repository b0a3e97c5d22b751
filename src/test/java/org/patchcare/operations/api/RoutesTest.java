package org.patchcare.operations.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutesTest {

    @Test
    void foldsIdsAndTokensSoMetricsNameNoDeviceOrFeed() {
        assertEquals("/api/v1/devices/{id}", Routes.of("/api/v1/devices/123"));
        assertEquals("/api/v1/devices/{id}/events", Routes.of("/api/v1/devices/42/events"));
        assertEquals("/api/v1/calendar/feeds/{id}", Routes.of("/api/v1/calendar/feeds/AbCdEfGhIjKlMnOpQrStUvWxYz.ics"));
        assertEquals("/api/v1/advisories/{id}", Routes.of("/api/v1/advisories/ICSMA-24-123-01"));
        assertEquals("/api/v1/devices", Routes.of("/api/v1/devices"));
        assertEquals("/health/ready", Routes.of("/health/ready"));
        assertEquals("/metrics", Routes.of("/metrics"));
        assertEquals("/VAADIN/*", Routes.of("/VAADIN/build/x.js"));
        assertEquals("/ui", Routes.of("/devices/17/edit"));
        assertEquals("/ui", Routes.of("/"));
    }

    @Test
    void keepsPlainRequestIdsAndReplacesOthers() {
        assertEquals("abc-123.X:9", RequestIds.accept("abc-123.X:9"));
        String injected = "x\n{\"level\":\"ERROR\"}";
        assertNotEquals(injected, RequestIds.accept(injected));
        assertTrue(RequestIds.accept("a".repeat(65)).matches("[0-9a-f-]{36}"));
        assertTrue(RequestIds.accept(null).matches("[0-9a-f-]{36}"));
    }
}
