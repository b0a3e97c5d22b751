package org.patchcare.shared.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.patchcare.shared.domain.InvalidInputException;

/** Invalid input → 422 with the fields in {@code errors}. */
@Provider
public class InvalidInputExceptionMapper implements ExceptionMapper<InvalidInputException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(InvalidInputException exception) {
        return ProblemResponses.respond(exception, uriInfo);
    }
}
