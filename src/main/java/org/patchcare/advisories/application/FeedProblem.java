package org.patchcare.advisories.application;

/**
 * One thing wrong in a feed file: where (a JSON path such as {@code $.vulnerabilities[12].dueDate}, or
 * {@code line 17} of a CSV file) and what, in words a person can act on.
 */
public record FeedProblem(String where, String message) {

    public String text() {
        return where + ": " + message;
    }
}
