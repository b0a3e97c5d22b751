package org.patchcare.shared.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.patchcare.shared.domain.DomainException;

/** A domain rule refuses the change in the current state (e.g. moving a retired device) → 409. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(DomainException exception) {
        return ProblemResponses.respond(exception, uriInfo);
    }
}
