package org.patchcare.shared.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns an exception into its problem+json response and logs what the operators need to see. */
final class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class.getName());

    private ProblemResponses() {
    }

    static Response respond(Throwable e, UriInfo uriInfo) {
        return respond(e, uriInfo, null);
    }

    /** {@code resourceInfo} tells which resource method the request was for, so which type its body is read into. */
    static Response respond(Throwable e, UriInfo uriInfo, ResourceInfo resourceInfo) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        String path = path(uriInfo);
        Problem problem = ApiErrors.classify(e, reference, bodyType(resourceInfo)).withInstance(path);
        if (problem.status() == 503) {
            LOG.log(Level.WARNING, "API " + path + ": database unavailable: " + e);
        } else if (problem.status() >= 500) {
            LOG.log(Level.SEVERE, "API " + path + " failed (reference " + reference + ")", e);
        } else {
            LOG.log(Level.FINE, () -> "API " + path + " answered " + problem.status() + ": " + e);
        }
        Response.ResponseBuilder b = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 503) {
            b.header("Retry-After", "5"); // PatchCare reconnects within seconds of the database returning
        }
        if (problem.status() == 413) {
            b.header("Connection", "close"); // the client stops sending the rest of a large body
        }
        if (e instanceof WebApplicationException wae && wae.getResponse() != null) {
            // keep what JAX-RS said about the refusal, e.g. Allow on a 405
            wae.getResponse().getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                    values.forEach(v -> b.header(name, v));
                }
            });
        }
        return b.build();
    }

    /** The parameter of the resource method that is not a path, query, header… parameter: the entity. */
    private static Class<?> bodyType(ResourceInfo resourceInfo) {
        try {
            Method m = resourceInfo == null ? null : resourceInfo.getResourceMethod();
            if (m == null) {
                return null;
            }
            for (Parameter p : m.getParameters()) {
                boolean injected = Arrays.stream(p.getAnnotations()).anyMatch(a ->
                        a.annotationType().getPackageName().equals("jakarta.ws.rs")
                                || a.annotationType().getPackageName().equals("jakarta.ws.rs.core"));
                if (!injected) {
                    return p.getType();
                }
            }
            return null;
        } catch (RuntimeException ex) {
            return null; // outside a matched request
        }
    }

    private static String path(UriInfo uriInfo) {
        try {
            return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        } catch (RuntimeException e) {
            return null; // outside a request
        }
    }
}
