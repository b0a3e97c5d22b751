package org.patchcare.shared.api;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** System exceptions wrapped by the EJB container: classified by their cause (503 for a lost database, else 500). */
@Provider
public class EjbExceptionMapper implements ExceptionMapper<EJBException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(EJBException exception) {
        return ProblemResponses.respond(exception, uriInfo);
    }
}
