package org.patchcare.shared.metrics;

import jakarta.enterprise.context.ApplicationScoped;

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
 * Three kinds: counters (only go up), timers (a count and a sum of seconds, a Prometheus summary without quantiles)
 * and gauges (a value read when scraped, or set). Label values must come from a small, known set (routes with ids
 * replaced, outcomes), never from user input as such: every label combination is a series kept forever.
 */
@ApplicationScoped
public class AppMetrics {

    /** Above this many series per metric, new label combinations are counted under {@code other}. */
    static final int MAX_SERIES = 500;

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

    private static final class Gauge {
        final AtomicLong level = new AtomicLong();
        volatile DoubleSupplier value = () -> 0;
    }
}
