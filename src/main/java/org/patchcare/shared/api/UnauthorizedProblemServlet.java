package org.patchcare.shared.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of a 401 (web.xml): the authentication mechanism refuses anonymous API calls with a Basic challenge,
 * and this writes the body of that answer as problem+json, like every other API error. Only API calls get 401s;
 * people in the browser are sent to the login page instead.
 */
@WebServlet(urlPatterns = UnauthorizedProblemServlet.PATH)
public class UnauthorizedProblemServlet extends HttpServlet {

    public static final String PATH = "/problem/401";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Problem problem = ApiErrors.unauthorized();
        if (request.getAttribute(org.patchcare.shared.security.PatchCareAuthenticationMechanism.PROBLEM_DETAIL)
                instanceof String detail) {
            problem = new Problem(problem.type(), problem.title(), problem.status(), detail, null, null);
        }
        response.getWriter().write(ApiErrors.toJson(problem.withInstance(uri == null ? null : uri.toString())));
    }
}
