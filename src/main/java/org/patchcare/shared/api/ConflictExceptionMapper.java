package org.patchcare.shared.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.patchcare.shared.domain.ConflictException;

/** Duplicate key or stale version → 409. */
@Provider
public class ConflictExceptionMapper implements ExceptionMapper<ConflictException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ConflictException exception) {
        return ProblemResponses.respond(exception, uriInfo);
    }
}
