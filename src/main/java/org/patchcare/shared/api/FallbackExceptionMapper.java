package org.patchcare.shared.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Anything else: 503 if the database is unreachable, otherwise 500 with a generic detail; the exception is logged. */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        return ProblemResponses.respond(exception, uriInfo);
    }
}
