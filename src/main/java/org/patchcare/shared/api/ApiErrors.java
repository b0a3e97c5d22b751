package org.patchcare.shared.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.DomainException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.persistence.PersistenceErrors;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides which problem an exception is, in one place, for all exception mappers (see docs/adr/0003-api-errors.md).
 * Pure: builds {@link Problem} records and never touches the HTTP response, so it can be tested without a server.
 */
public final class ApiErrors {

    public static final String TYPE_PREFIX = "urn:patchcare:problem:";
    public static final String INVALID_INPUT = TYPE_PREFIX + "invalid-input";
    public static final String MALFORMED_REQUEST = TYPE_PREFIX + "malformed-request";
    public static final String NOT_FOUND = TYPE_PREFIX + "not-found";
    public static final String CONFLICT = TYPE_PREFIX + "conflict";
    public static final String RULE_VIOLATED = TYPE_PREFIX + "rule-violated";
    public static final String FORBIDDEN = TYPE_PREFIX + "forbidden";
    public static final String UNAUTHORIZED = TYPE_PREFIX + "unauthorized";
    public static final String DATABASE_UNAVAILABLE = TYPE_PREFIX + "database-unavailable";
    public static final String INTERNAL_ERROR = TYPE_PREFIX + "internal-error";
    public static final String HTTP = TYPE_PREFIX + "http";

    /** Status for well-formed requests whose content is refused (validation, unknown references). */
    public static final int UNPROCESSABLE = 422;

    private static final Pattern PROPERTY = Pattern.compile("property '?([A-Za-z_][A-Za-z0-9_]*)'?");
    private static final Pattern ENUM_CONSTANT = Pattern.compile("No enum constant ([\\w.$]+)\\.([^.\\s]*)$");

    private ApiErrors() {
    }

    /**
     * The problem for any exception that reached the API boundary. {@code reference} names the logged exception in
     * the answer of a 500, so the caller can quote it.
     */
    public static Problem classify(Throwable thrown, String reference) {
        return classify(thrown, reference, null);
    }

    /**
     * As {@link #classify(Throwable, String)}; {@code bodyType}, the type the request body was read into (if known),
     * names the field of a wrong enum value, which JSON-B does not report.
     */
    public static Problem classify(Throwable thrown, String reference, Class<?> bodyType) {
        for (Throwable c = thrown; c != null; c = c.getCause()) {
            // also when JSON-B or a reader wrapped the limit's exception while reading the body
            if (c instanceof org.patchcare.shared.domain.PayloadTooLargeException e) {
                return new Problem(TYPE_PREFIX + "payload-too-large", "Payload too large", 413, e.getMessage(), null,
                        null);
            }
        }
        Throwable t = unwrap(thrown);
        if (t instanceof EJBAccessException) {
            return new Problem(FORBIDDEN, "Forbidden", 403,
                    "Your role does not allow this. Ask a PatchCare administrator if you need it.", null, null);
        }
        if (t instanceof InvalidInputException e) {
            return invalid(e.violations().stream().map(v -> new Problem.FieldError(v.field(), v.message(), v.code())).toList());
        }
        if (t instanceof NotFoundException e) {
            return new Problem(NOT_FOUND, "Not found", 404, e.getMessage() + ".", null, null);
        }
        if (t instanceof ConflictException e) {
            return new Problem(CONFLICT, "Conflict", 409, e.getMessage(), null, null);
        }
        if (t instanceof DomainException e) {
            return new Problem(RULE_VIOLATED, "Not possible now", 409, e.getMessage(), null, null);
        }
        if (t instanceof ConstraintViolationException e && !isReturnValueViolation(e)) {
            return invalid(e.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(fieldOf(v.getPropertyPath()), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field)).toList());
        }
        if (isUnreadableBody(t)) {
            return unreadableBody(t, bodyType);
        }
        if (t instanceof WebApplicationException e && e.getResponse() != null && e.getResponse().getStatus() < 500) {
            return http(e.getResponse().getStatus());
        }
        if (PersistenceErrors.isConnectionFailure(t)) {
            return new Problem(DATABASE_UNAVAILABLE, "Database unavailable", 503,
                    "The database is unavailable; PatchCare retries by itself - try again in a few seconds. "
                            + "If this goes on, tell the PatchCare administrators.", null, null);
        }
        return internal(reference);
    }

    /** A 500 that tells the caller nothing of the inside, only a reference to find the logged exception. */
    public static Problem internal(String reference) {
        return new Problem(INTERNAL_ERROR, "Internal error", 500,
                "Something went wrong inside PatchCare. The error was logged under reference " + reference
                        + "; give that reference to the PatchCare administrators.", null, null);
    }

    public static Problem invalid(List<Problem.FieldError> errors) {
        List<String> distinct = errors.stream().map(Problem.FieldError::field).distinct().toList();
        String fields = distinct.size() <= 5 ? String.join(", ", distinct) : distinct.size() + " places";
        return new Problem(INVALID_INPUT, "Invalid input", UNPROCESSABLE,
                "Some values were refused (" + fields + "); see errors for what to change.", null, List.copyOf(errors));
    }

    public static Problem unauthorized() {
        return new Problem(UNAUTHORIZED, "Unauthorized", 401,
                "Send the user name and password of a PatchCare user with HTTP Basic authentication, or an API token "
                        + "(Authorization: Bearer pct_...).", null, null);
    }

    /** Status codes raised by JAX-RS itself: no such path, wrong method, wrong media type. */
    public static Problem http(int status) {
        return switch (status) {
            case 400 -> new Problem(MALFORMED_REQUEST, "Bad request", 400,
                    "The request could not be read; check the parameters and the body.", null, null);
            case 404 -> new Problem(NOT_FOUND, "Not found", 404,
                    "There is no API resource at this address; see /openapi for the paths of the API.", null, null);
            case 405 -> new Problem(HTTP, "Method not allowed", 405,
                    "This address does not support that HTTP method; see /openapi.", null, null);
            case 406 -> new Problem(HTTP, "Not acceptable", 406,
                    "The API answers with application/json only; accept that media type.", null, null);
            case 415 -> new Problem(HTTP, "Unsupported media type", 415,
                    "Send the request body as application/json.", null, null);
            default -> new Problem(HTTP, "HTTP " + status, status, "The request was refused (HTTP " + status + ").", null, null);
        };
    }

    /** EJB containers wrap system exceptions; the cause is what happened. Access denials are kept as they are. */
    static Throwable unwrap(Throwable t) {
        Throwable current = t;
        for (int i = 0; i < 10 && current instanceof EJBException ejb && !(current instanceof EJBAccessException); i++) {
            Throwable cause = ejb.getCause() != null ? ejb.getCause() : ejb.getCausedByException();
            if (cause == null) {
                break;
            }
            current = cause;
        }
        return current;
    }

    private static boolean isReturnValueViolation(ConstraintViolationException e) {
        return e.getConstraintViolations().stream().anyMatch(v -> {
            for (Path.Node n : v.getPropertyPath()) {
                if (n.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * The field a violation concerns, as the client named it: for a body ({@code create.command.assetTag}) the
     * property path inside the body; for a parameter ({@code list.limit}) the parameter's name.
     */
    static String fieldOf(Path path) {
        List<String> inside = new ArrayList<>();
        String parameter = null;
        for (Path.Node n : path) {
            switch (n.getKind()) {
                case METHOD, CONSTRUCTOR -> inside.clear();
                case PARAMETER, CROSS_PARAMETER -> {
                    parameter = n.getName();
                    inside.clear();
                }
                default -> {
                    if (n.getName() != null) {
                        inside.add(n.getIndex() == null ? n.getName() : n.getName() + "[" + n.getIndex() + "]");
                    }
                }
            }
        }
        if (!inside.isEmpty()) {
            return String.join(".", inside);
        }
        return parameter != null ? parameter : path.toString();
    }

    private static boolean isUnreadableBody(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof JsonParsingException || c instanceof JsonbException) {
                return true;
            }
            if (c instanceof ProcessingException p && p.getMessage() != null
                    && p.getMessage().toLowerCase(Locale.ROOT).contains("deserializ")) {
                return true;
            }
        }
        return false;
    }

    private static Problem unreadableBody(Throwable t, Class<?> bodyType) {
        String field = null;
        String enumName = null;
        String enumValue = null;
        boolean date = false;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof JsonParsingException p) {
                String where = p.getLocation() == null ? "" : " (line " + p.getLocation().getLineNumber()
                        + ", column " + p.getLocation().getColumnNumber() + ")";
                return new Problem(MALFORMED_REQUEST, "Malformed JSON", 400,
                        "The request body is not well-formed JSON" + where + ". Check quotes, commas and brackets.",
                        null, null);
            }
            String msg = c.getMessage() == null ? "" : c.getMessage();
            Matcher pm = PROPERTY.matcher(msg);
            if (field == null && pm.find()) {
                field = pm.group(1);
            }
            Matcher em = ENUM_CONSTANT.matcher(msg);
            if (c instanceof IllegalArgumentException && em.find()) {
                enumName = em.group(1);
                enumValue = em.group(2);
            }
            if (c instanceof DateTimeParseException) {
                date = true;
            }
        }
        if (field == null && enumName != null && bodyType != null) {
            field = propertyOfType(bodyType, enumName);
        }
        String message;
        if (enumName != null) {
            message = "'" + enumValue + "' is not one of " + enumConstants(enumName);
        } else if (date) {
            message = "not a date; write dates as YYYY-MM-DD, for example 2026-03-31";
        } else {
            message = "has a value of the wrong type (text, number, true/false or list)";
        }
        if (field == null) {
            return new Problem(MALFORMED_REQUEST, "Malformed JSON", 400,
                    "The request body does not fit this endpoint: a value " + message + ".", null, null);
        }
        return new Problem(MALFORMED_REQUEST, "Malformed JSON", 400,
                "The request body does not fit this endpoint: " + field + " " + message + ".", null,
                List.of(new Problem.FieldError(field, message)));
    }

    /** The property of the body type (a record component or a field) whose type is the named class. */
    static String propertyOfType(Class<?> bodyType, String className) {
        if (bodyType.isRecord()) {
            for (RecordComponent rc : bodyType.getRecordComponents()) {
                if (rc.getType().getName().equals(className)) {
                    return rc.getName();
                }
            }
            return null;
        }
        for (Class<?> c = bodyType; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && f.getType().getName().equals(className)) {
                    return f.getName();
                }
            }
        }
        return null;
    }

    private static String enumConstants(String className) {
        try {
            Class<?> type = Class.forName(className, false, ApiErrors.class.getClassLoader());
            if (type.isEnum()) {
                return Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name())
                        .collect(Collectors.joining(", "));
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // fall through: say what we can without the list
        }
        return "the allowed values";
    }

    /** The problem as JSON, for places without JSON-B (the authentication mechanism answers before JAX-RS). */
    public static String toJson(Problem p) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", p.type()).add("title", p.title())
                .add("status", p.status());
        if (p.detail() != null) {
            b.add("detail", p.detail());
        }
        if (p.instance() != null) {
            b.add("instance", p.instance());
        }
        return b.build().toString();
    }
}
