package org.patchcare.shared.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * The application's metrics, in memory, written in the Prometheus text exposition format (version 0.0.4).
 * Four kinds: counters (only go up), timers (a count and a sum of seconds, a Prometheus summary without quantiles),
 * histograms (a timer that also counts its events into fixed buckets, {@code _bucket{le="…"}}, cumulative, so that
 * Prometheus' {@code histogram_quantile} can estimate percentiles) and gauges (a value read when scraped, or set). Label values must come from a small, known set (routes with ids
 * replaced, outcomes), never from user input as such: every label combination is a series kept forever.
 */
@ApplicationScoped
public class AppMetrics {

    /** Above this many series per metric, new label combinations are counted under {@code other}. */
    static final int MAX_SERIES = 500;

    /**
     * Bucket bounds (seconds) of {@code patchcare_http_request_duration_seconds}: Prometheus' usual defaults, from a
     * page answered from memory (5 ms) to a large import (10 s).
     */
    public static final double[] REQUEST_SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    /**
     * Bucket bounds (seconds) of {@code patchcare_matching_duration_seconds}: one advisory against the inventory takes
     * from a few milliseconds (few products) to minutes (a vendor-wide advisory against a large inventory).
     */
    public static final double[] MATCHING_SECONDS = {0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};

    private record Family(String name, String type, String help, Map<String, Object> series) {
    }

    private final Map<String, Family> families = new ConcurrentHashMap<>();

    /** Adds {@code amount} to the counter {@code name} with the given label pairs (name, value, name, value…). */
    public void count(String name, String help, long amount, String... labels) {
        ((LongAdder) series(name, "counter", help, labels, LongAdder::new)).add(amount);
    }

    /** Records one timed event of {@code nanos} into the timer {@code name} (exposed as _count and _sum in seconds). */
    public void time(String name, String help, long nanos, String... labels) {
        Timer t = (Timer) series(name, "summary", help, labels, Timer::new);
        t.count.increment();
        t.seconds.add(nanos / 1e9);
    }

    /**
     * Records one timed event of {@code nanos} into the histogram {@code name} (exposed as cumulative {@code _bucket}
     * lines, one per bound and {@code +Inf}, then {@code _count} and {@code _sum} in seconds). {@code bounds} are
     * seconds in ascending order; the first call of a series fixes them.
     */
    public void histogram(String name, String help, long nanos, double[] bounds, String... labels) {
        Histogram h = (Histogram) series(name, "histogram", help, labels, () -> new Histogram(bounds));
        h.observe(nanos / 1e9);
    }

    /** Sets the gauge {@code name}. */
    public void set(String name, String help, double value, String... labels) {
        ((Gauge) series(name, "gauge", help, labels, Gauge::new)).value = () -> value;
    }

    /** Adds to (or, with a negative amount, takes from) a gauge kept as a whole number, e.g. work in progress. */
    public void add(String name, String help, long amount, String... labels) {
        Gauge g = (Gauge) series(name, "gauge", help, labels, Gauge::new);
        synchronized (g) {
            g.level.addAndGet(amount);
            AtomicLong level = g.level;
            g.value = level::get;
        }
    }

    private Object series(String name, String type, String help, String[] labels, java.util.function.Supplier<Object> create) {
        Family f = families.computeIfAbsent(name, n -> new Family(n, type, help, new ConcurrentHashMap<>()));
        if (!f.type().equals(type)) {
            throw new IllegalArgumentException(name + " is a " + f.type() + ", not a " + type);
        }
        String key = labels(labels);
        Object s = f.series().get(key);
        if (s == null) {
            if (f.series().size() >= MAX_SERIES) {
                key = "{overflow=\"other\"}";
            }
            s = f.series().computeIfAbsent(key, k -> create.get());
        }
        return s;
    }

    static String labels(String... pairs) {
        if (pairs.length == 0) {
            return "";
        }
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name/value pairs");
        }
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            b.append(pairs[i]).append("=\"").append(escape(pairs[i + 1])).append('"');
        }
        return b.append('}').toString();
    }

    private static String escape(String v) {
        if (v == null) {
            return "";
        }
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** All metrics in the Prometheus text format, families and series in name order. */
    public String prometheusText() {
        StringBuilder out = new StringBuilder(4096);
        new TreeMap<>(families).values().forEach(f -> {
            out.append("# HELP ").append(f.name()).append(' ').append(f.help()).append('\n');
            out.append("# TYPE ").append(f.name()).append(' ').append(f.type()).append('\n');
            new TreeMap<>(f.series()).forEach((labels, s) -> {
                switch (s) {
                    case LongAdder c -> line(out, f.name(), labels, c.sum());
                    case Timer t -> {
                        line(out, f.name() + "_count", labels, t.count.sum());
                        line(out, f.name() + "_sum", labels, t.seconds.sum());
                    }
                    case Histogram h -> h.write(out, f.name(), labels);
                    case Gauge g -> line(out, f.name(), labels, g.value.getAsDouble());
                    default -> throw new IllegalStateException(s.toString());
                }
            });
        });
        return out.toString();
    }

    private static void line(StringBuilder out, String name, String labels, double value) {
        out.append(name).append(labels).append(' ');
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.append((long) value);
        } else {
            out.append(String.format(Locale.ROOT, "%.6f", value));
        }
        out.append('\n');
    }

    private static final class Timer {
        final LongAdder count = new LongAdder();
        final DoubleAdder seconds = new DoubleAdder();
    }

    /** Counts per bucket (not cumulative; the last one is above every bound), summed up when written. */
    private static final class Histogram {
        final double[] bounds;
        final LongAdder[] buckets;
        final DoubleAdder seconds = new DoubleAdder();

        Histogram(double[] bounds) {
            for (int i = 0; i < bounds.length; i++) {
                if (!(bounds[i] > 0) || Double.isInfinite(bounds[i]) || i > 0 && bounds[i] <= bounds[i - 1]) {
                    throw new IllegalArgumentException("bucket bounds must be finite, positive and ascending: "
                            + Arrays.toString(bounds));
                }
            }
            this.bounds = bounds.clone();
            this.buckets = new LongAdder[bounds.length + 1];
            Arrays.setAll(buckets, i -> new LongAdder());
        }

        void observe(double value) {
            int i = Arrays.binarySearch(bounds, value);
            buckets[i >= 0 ? i : -i - 1].increment(); // le: a value equal to a bound is in that bound's bucket
            seconds.add(value);
        }

        /** The bucket lines, cumulative, then _count (the same as the +Inf bucket, read once) and _sum. */
        void write(StringBuilder out, String name, String labels) {
            long cumulative = 0;
            for (int i = 0; i <= bounds.length; i++) {
                cumulative += buckets[i].sum();
                String le = i < bounds.length ? BigDecimal.valueOf(bounds[i]).stripTrailingZeros().toPlainString() : "+Inf";
                line(out, name + "_bucket", withLabel(labels, "le", le), cumulative);
            }
            line(out, name + "_count", labels, cumulative);
            line(out, name + "_sum", labels, seconds.sum());
        }
    }

    /** {@code labels} (as {@link #labels} writes them, or empty) with one more pair at the end. */
    static String withLabel(String labels, String name, String value) {
        String pair = name + "=\"" + escape(value) + '"';
        return labels.isEmpty() ? "{" + pair + "}" : labels.substring(0, labels.length() - 1) + "," + pair + "}";
    }

    private static final class Gauge {
        final AtomicLong level = new AtomicLong();
        volatile DoubleSupplier value = () -> 0;
    }
}
