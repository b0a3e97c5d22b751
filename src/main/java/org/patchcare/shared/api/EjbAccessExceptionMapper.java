package org.patchcare.shared.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The caller's role may not call the service method → 403. */
@Provider
public class EjbAccessExceptionMapper implements ExceptionMapper<EJBAccessException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(EJBAccessException exception) {
        return ProblemResponses.respond(exception, uriInfo);
    }
}
