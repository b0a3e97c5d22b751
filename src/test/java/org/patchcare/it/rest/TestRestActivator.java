package org.patchcare.it.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Activates JAX-RS at /api in a test deployment whose WAR has no activator of its own yet
 * (see {@link ImportDeployments#withRest}); never added when the application has one.
 */
@ApplicationPath("/api")
public class TestRestActivator extends Application {
}
