package org.patchcare.reporting.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.patchcare.shared.api.QueryParams;

/**
 * The query parameters every reporting read takes the same way: the scope (facility, department) and the file format.
 * A {@code @BeanParam} of {@link MetricsResource} and {@link ReportResource}. A class with fields, not a record:
 * Jakarta REST fills {@code @BeanParam} objects through a no-argument constructor and their fields (records are not
 * supported yet, jakartaee/rest#913).
 */
public class ScopeParams {

    @QueryParam("facility")
    @Parameter(description = "facility code, e.g. MAIN")
    String facility;
    @QueryParam("department")
    @Parameter(description = "department code, e.g. ICU")
    String department;
    @QueryParam("format")
    @Parameter(description = "the answer's format: csv or json for metrics (default: by Accept), pdf or csv for reports")
    String format;

    /** The facility code, stripped; null when not given. */
    public String facility() {
        return QueryParams.text(facility);
    }

    /** The department code, stripped; null when not given. */
    public String department() {
        return QueryParams.text(department);
    }

    /** The format as given (null when not), for the resource to parse against what it can answer. */
    public String format() {
        return format;
    }
}
