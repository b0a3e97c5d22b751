package org.patchcare.shared.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.patchcare.shared.domain.PayloadTooLargeException;
import org.patchcare.shared.io.SizeLimitedInputStream;

import java.util.Locale;

/**
 * Every API request body is limited: {@code PATCHCARE_API_MAX_BODY_BYTES} (default 1 MB, far above any form's JSON)
 * unless the resource method is a {@link LargeUpload} with its own limit. A declared Content-Length over the limit is
 * refused before reading; a chunked body is cut off when it passes the limit. Both answer 413 problem+json.
 * Undertow's max-post-size (config/wildfly/patchcare.cli) is the backstop for everything else.
 */
@Provider
public class RequestBodyLimitFilter implements ContainerRequestFilter {

    public static final String ENV = "PATCHCARE_API_MAX_BODY_BYTES";
    public static final long DEFAULT_LIMIT = 1024L * 1024;

    @Context
    ResourceInfo resource;

    public static long limit() {
        String v = System.getenv(ENV);
        if (v == null || v.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            long n = Long.parseLong(v.strip().toLowerCase(Locale.ROOT));
            return n > 0 ? n : DEFAULT_LIMIT;
        } catch (NumberFormatException e) {
            return DEFAULT_LIMIT;
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource != null && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(LargeUpload.class)) {
            return;
        }
        long max = limit();
        if (request.getLength() > max) {
            throw new PayloadTooLargeException("request body", max);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new SizeLimitedInputStream(request.getEntityStream(), max,
                    m -> new PayloadTooLargeException("request body", m)));
        }
    }
}
