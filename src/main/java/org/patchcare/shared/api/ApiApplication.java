package org.patchcare.shared.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API for IT and other systems, at {@code /api/v1}. Every call needs HTTP Basic credentials of a PatchCare
 * user; what a user may do follows the roles, exactly as in the web UI. Errors are RFC 9457 problem+json.
 */
@ApplicationPath(ApiApplication.PATH)
@OpenAPIDefinition(
        info = @Info(title = "PatchCare API", version = "1",
                description = "Medical-device inventory of the hospital. Devices are named by asset tag, departments and "
                        + "facilities by code, manufacturers and models by their public id. Errors are RFC 9457 "
                        + "problem+json documents; validation errors list the fields concerned under `errors`.",
                license = @License(name = "Apache-2.0")),
        security = @SecurityRequirement(name = ApiApplication.BASIC_AUTH))
@SecurityScheme(securitySchemeName = ApiApplication.BASIC_AUTH, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "User name and password of a PatchCare user")
public class ApiApplication extends Application {

    public static final String PATH = "/api/v1";
    public static final String BASIC_AUTH = "basicAuth";
}
