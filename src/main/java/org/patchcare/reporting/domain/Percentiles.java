package org.patchcare.reporting.domain;

import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles of a list of numbers by linear interpolation between closest ranks, the method of Excel's
 * {@code PERCENTILE.INC}, R's type 7 and numpy's default: with the values sorted ascending as v[0..n-1], the p-th
 * percentile lies at rank h = (n − 1)·p; it is v[⌊h⌋] + (h − ⌊h⌋)·(v[⌊h⌋+1] − v[⌊h⌋]). Null for an empty list.
 */
public final class Percentiles {

    private final double[] sorted;

    private Percentiles(double[] sorted) {
        this.sorted = sorted;
    }

    /** The values, copied and sorted once so several percentiles can be read. */
    public static Percentiles of(double... values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    public static Percentiles of(Collection<? extends Number> values) {
        return of(values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    public int count() {
        return sorted.length;
    }

    /** The p-th percentile, p in [0, 1]; null when there are no values. */
    public Double at(double p) {
        if (p < 0 || p > 1 || Double.isNaN(p)) {
            throw new IllegalArgumentException("a percentile lies between 0 and 1, not " + p);
        }
        if (sorted.length == 0) {
            return null;
        }
        double h = (sorted.length - 1) * p;
        int lower = (int) Math.floor(h);
        if (lower + 1 >= sorted.length) {
            return sorted[sorted.length - 1];
        }
        return sorted[lower] + (h - lower) * (sorted[lower + 1] - sorted[lower]);
    }

    public Double median() {
        return at(0.5);
    }

    public Double p90() {
        return at(0.9);
    }
}
