package org.patchcare.shared.api;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that JSON-B cannot read (malformed JSON, wrong enum value or type) → 400. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Context
    UriInfo uriInfo;

    @Context
    ResourceInfo resourceInfo;

    @Override
    public Response toResponse(ProcessingException exception) {
        return ProblemResponses.respond(exception, uriInfo, resourceInfo);
    }
}
