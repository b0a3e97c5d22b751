package org.patchcare.inventory.application;

/** A page of a list: where it starts, how long it is, and how it is sorted (property names are whitelisted). */
public record PageRequest(int offset, int limit, String sortBy, boolean ascending) {

    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(0, limit, null, true);
    }
}
