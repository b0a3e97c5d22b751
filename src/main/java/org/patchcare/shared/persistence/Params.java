package org.patchcare.shared.persistence;

import jakarta.persistence.Query;

import java.util.List;

/** Positional parameters of native queries: the placeholders of an IN list and their binding. */
public final class Params {

    private Params() {
    }

    /** {@code ?1, ?2, …, ?n}: the placeholders of an IN (…) list of {@code n} values bound from the first position. */
    public static String placeholders(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "?" : ", ?").append(i + 1);
        }
        return sb.toString();
    }

    /** Binds {@code params} to the positions 1…n of {@code q}; answers {@code q}. */
    public static Query bind(Query q, List<?> params) {
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return q;
    }
}
