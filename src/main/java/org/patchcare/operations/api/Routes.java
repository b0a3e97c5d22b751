package org.patchcare.operations.api;

/**
 * The route label of a request path, from a small set, so the metrics keep few series and no identifiers:
 * API paths with ids (segments with digits, long tokens) replaced by {@code {id}}, Vaadin's static files as one route,
 * and every screen of the UI as {@code /ui} (the screen names are in the Vaadin request body, not the path).
 */
final class Routes {

    private Routes() {
    }

    static String of(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "/ui";
        }
        if (path.startsWith("/api/")) {
            StringBuilder b = new StringBuilder();
            for (String seg : path.substring(1).split("/")) {
                b.append('/').append(isId(seg) ? "{id}" : seg);
            }
            return b.toString();
        }
        if (path.equals("/metrics") || path.equals("/health") || path.startsWith("/health/")) {
            return path.length() > 20 ? "/health/{other}" : path;
        }
        if (path.startsWith("/VAADIN/")) {
            return "/VAADIN/*";
        }
        return "/ui";
    }

    private static boolean isId(String seg) {
        if (seg.equals("v1")) {
            return false;
        }
        if (seg.length() > 24) {
            return true;
        }
        for (int i = 0; i < seg.length(); i++) {
            if (Character.isDigit(seg.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
