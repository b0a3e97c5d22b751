package org.patchcare.inventory.ui;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal stacked bar chart rendered on the server as SVG (no chart library, no JavaScript). Every text and
 * link is XML-escaped, since labels come from data people typed in. Bars are scaled to the largest total.
 */
public final class SvgBarChart {

    /** One coloured part of a bar; {@code href} may be null. */
    public record Segment(String name, long value, String cssClass, String fill, String href) {
    }

    /** One row: a label (linked when {@code href} is set) and its segments, drawn left to right. */
    public record Bar(String label, String href, List<Segment> segments) {
        public long total() {
            return segments.stream().mapToLong(Segment::value).sum();
        }
    }

    static final int LABEL_WIDTH = 220;
    static final int VALUE_WIDTH = 56;
    static final int ROW_HEIGHT = 26;
    static final int BAR_HEIGHT = 18;
    static final int LEGEND_HEIGHT = 28;
    static final int MAX_LABEL_CHARS = 32;

    private final String title;
    private final int width;

    public SvgBarChart(String title, int width) {
        if (width <= LABEL_WIDTH + VALUE_WIDTH + 40) {
            throw new IllegalArgumentException("chart too narrow: " + width);
        }
        this.title = title;
        this.width = width;
    }

    /** Width in pixels of the plotting area, which the largest bar fills. */
    public int barArea() {
        return width - LABEL_WIDTH - VALUE_WIDTH;
    }

    public String render(List<Bar> bars) {
        long max = bars.stream().mapToLong(Bar::total).max().orElse(0);
        int height = LEGEND_HEIGHT + Math.max(1, bars.size()) * ROW_HEIGHT + 4;
        StringBuilder svg = new StringBuilder(256 + bars.size() * 400);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pc-chart\" role=\"img\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" aria-label=\"").append(escape(title)).append("\">");
        svg.append("<title>").append(escape(title)).append("</title>");
        legend(svg, bars);
        if (bars.isEmpty()) {
            svg.append("<text x=\"0\" y=\"").append(LEGEND_HEIGHT + 16).append("\" class=\"pc-chart-empty\">")
                    .append("Nothing to show</text>");
        }
        int y = LEGEND_HEIGHT;
        for (Bar bar : bars) {
            String label = bar.label() == null ? "" : bar.label();
            String shown = label.length() > MAX_LABEL_CHARS ? label.substring(0, MAX_LABEL_CHARS - 1) + "…" : label;
            int textY = y + BAR_HEIGHT - 4;
            svg.append("<g class=\"pc-chart-row\">");
            open(svg, bar.href());
            svg.append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(textY)
                    .append("\" text-anchor=\"end\" class=\"pc-chart-label\"><title>").append(escape(label))
                    .append("</title>").append(escape(shown)).append("</text>");
            close(svg, bar.href());
            double x = LABEL_WIDTH;
            for (Segment s : bar.segments()) {
                if (s.value() <= 0) {
                    continue;
                }
                double w = scale(s.value(), max);
                open(svg, s.href());
                svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y).append("\" width=\"").append(fmt(w))
                        .append("\" height=\"").append(BAR_HEIGHT).append("\" class=\"pc-chart-segment ")
                        .append(escape(s.cssClass())).append("\" fill=\"").append(escape(s.fill())).append("\"><title>")
                        .append(escape(label + ": " + s.value() + " " + s.name())).append("</title></rect>");
                close(svg, s.href());
                x += w;
            }
            svg.append("<text x=\"").append(fmt(x + 6)).append("\" y=\"").append(textY)
                    .append("\" class=\"pc-chart-value\">").append(bar.total()).append("</text>");
            svg.append("</g>");
            y += ROW_HEIGHT;
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** The width of a segment: proportional to the largest bar's total, which spans the whole plotting area. */
    double scale(long value, long max) {
        return max <= 0 ? 0 : (double) value * barArea() / max;
    }

    private void legend(StringBuilder svg, List<Bar> bars) {
        if (bars.isEmpty()) {
            return;
        }
        int x = LABEL_WIDTH;
        for (Segment s : bars.getFirst().segments()) {
            svg.append("<rect x=\"").append(x).append("\" y=\"4\" width=\"12\" height=\"12\" fill=\"")
                    .append(escape(s.fill())).append("\" class=\"pc-chart-segment ").append(escape(s.cssClass()))
                    .append("\"/><text x=\"").append(x + 16).append("\" y=\"14\" class=\"pc-chart-legend\">")
                    .append(escape(s.name())).append("</text>");
            x += 24 + 8 * (s.name() == null ? 0 : s.name().length());
        }
    }

    private static void open(StringBuilder svg, String href) {
        if (href != null) {
            svg.append("<a href=\"").append(escape(href)).append("\">");
        }
    }

    private static void close(StringBuilder svg, String href) {
        if (href != null) {
            svg.append("</a>");
        }
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    /** XML escaping for text and attribute values. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        b.append(' '); // not allowed in XML 1.0
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
