package org.patchcare.shared.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * API answers hold personal and security data: no cache keeps them ({@code Cache-Control: no-store}) unless the
 * resource chose its own caching (the iCal feed). RESTEasy writes the headers of its answers itself, replacing what the
 * servlet filter (SecurityHeadersFilter) set before, so the API sets this one here.
 */
@Provider
public class NoStoreResponseFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
