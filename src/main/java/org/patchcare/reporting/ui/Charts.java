package org.patchcare.reporting.ui;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.CategoryLabelEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.StandardEntityCollection;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.patchcare.inventory.ui.SvgBarChart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dashboards' chart toolkit: JFreeChart draws a chart into SVG (JFreeSVG) on the server, in one plain style
 * (white background, no 3D, no gradients, a colour-blind-safe palette, readable sans-serif text). The SVG then gets
 * what a browser needs from it:
 * <ul>
 *   <li>a text alternative: {@code role="img"}, an {@code aria-label}, {@code <title>} and {@code <desc>} that
 *   summarise the data in words ({@link #summary});</li>
 *   <li>links: every bar, point or category label with a link gets a transparent {@code <a href>} overlay, its shape
 *   taken from JFreeChart's {@link ChartRenderingInfo} entities, so the click goes to the filtered list behind it.</li>
 * </ul>
 * Text drawn by JFreeChart is escaped by JFreeSVG; everything this class adds (title, summary, links, tooltips) is
 * escaped here. Nothing is cached: a chart takes a few milliseconds to draw.
 */
public final class Charts {

    /** What kind of chart. Bars and lines share one data shape: categories × series. */
    public enum Kind {
        BARS, HORIZONTAL_BARS, STACKED_BARS, STACKED_HORIZONTAL_BARS,
        /** Lines over a few categories, e.g. quarters. */
        LINES,
        /** Lines over days: every category has a {@link Category#day()}; the axis shows dates. */
        TIME_LINES;

        boolean horizontal() {
            return this == HORIZONTAL_BARS || this == STACKED_HORIZONTAL_BARS;
        }

        boolean stacked() {
            return this == STACKED_BARS || this == STACKED_HORIZONTAL_BARS;
        }

        boolean bars() {
            return this != LINES && this != TIME_LINES;
        }
    }

    /** How values read: counts, days (one decimal), shares in percent (0–100), scores. */
    public enum Unit {
        COUNT("#,##0", ""), DAYS("#,##0.#", " days"), PERCENT("0", "%"), SCORE("#,##0", "");

        private final String pattern;
        private final String suffix;

        Unit(String pattern, String suffix) {
            this.pattern = pattern;
            this.suffix = suffix;
        }

        NumberFormat format() {
            return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        }

        /** A value as a person reads it, e.g. "12.5 days", "80%", "—" for none. */
        public String text(Double value) {
            return value == null ? "—" : format().format(value) + suffix;
        }
    }

    /** One category: what a person reads, its day (time lines only) and where its label links (null: nowhere). */
    public record Category(String label, LocalDate day, String href) {
        public static Category of(String label, String href) {
            return new Category(label, null, href);
        }

        public static Category day(LocalDate day, String label) {
            return new Category(label, day, null);
        }
    }

    /**
     * One series: its name, one value per category (null: no value), one link per category (the list may be null,
     * and so may each link).
     */
    public record Series(String name, List<Double> values, List<String> hrefs) {
        public Series {
            Objects.requireNonNull(name, "name");
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
            hrefs = hrefs == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(hrefs));
        }

        String href(int category) {
            return hrefs == null ? null : hrefs.get(category);
        }
    }

    /** Everything a chart shows. {@code title} names it (also in the text alternative); axes say what they count. */
    public record Spec(Kind kind, String title, String categoryAxis, String valueAxis, Unit unit,
                       List<Category> categories, List<Series> series) {
        public Spec {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(unit, "unit");
            categories = List.copyOf(categories);
            series = List.copyOf(series);
            for (Series s : series) {
                if (s.values().size() != categories.size()
                        || s.hrefs() != null && s.hrefs().size() != categories.size()) {
                    throw new IllegalArgumentException("series " + s.name() + ": one value and link per category");
                }
            }
            if (kind == Kind.TIME_LINES && categories.stream().anyMatch(c -> c.day() == null)) {
                throw new IllegalArgumentException("a time line needs a day for every category");
            }
        }

        /** True when at least one value is there to draw. */
        public boolean hasData() {
            return series.stream().anyMatch(s -> s.values().stream().anyMatch(Objects::nonNull));
        }
    }

    /** The SVG markup and the summary it carries. */
    public record Rendered(String svg, String summary, int width, int height) {
    }

    /** Okabe &amp; Ito's palette, distinguishable with the common colour-vision deficiencies. */
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
            new Color(0xD55E00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)};
    static final Color TEXT = new Color(0x1f2933);
    static final Color GRID = new Color(0xd9dde3);
    static final String FONT = Font.SANS_SERIF;
    static final int DEFAULT_WIDTH = 640;
    static final int DEFAULT_HEIGHT = 300;
    static final int SUMMARY_ITEMS = 12;
    private static final AtomicLong IDS = new AtomicLong();

    private Charts() {
    }

    public static Rendered render(Spec spec) {
        return render(spec, DEFAULT_WIDTH);
    }

    /** Draws the chart {@code width} pixels wide (it scales with its box); the height follows from the data. */
    public static Rendered render(Spec spec, int width) {
        int height = height(spec);
        JFreeChart chart = chart(spec);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        long id = IDS.incrementAndGet();
        g.setDefsKeyPrefix("pc" + id + "_");
        ChartRenderingInfo info = new ChartRenderingInfo(new StandardEntityCollection());
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info);
        String svg = g.getSVGElement(null, false, new ViewBox(0, 0, width, height), null, null);
        String summary = summary(spec);
        return new Rendered(decorate(svg, spec, summary, overlays(spec, info, chart), "pc-chart-" + id, width),
                summary, width, height);
    }

    /**
     * The styled JFreeChart of a spec, for drawing elsewhere too (e.g. into the PDF report through OpenPDF's
     * Graphics2D), so paper shows what the screen shows. Draw it {@link #height} pixels high.
     */
    public static JFreeChart chart(Spec spec) {
        JFreeChart chart = spec.kind() == Kind.TIME_LINES ? timeChart(spec) : categoryChart(spec);
        style(chart);
        return chart;
    }

    /** The height a chart needs: fixed for vertical bars and lines, growing with a horizontal chart's categories. */
    public static int height(Spec spec) {
        if (!spec.kind().horizontal()) {
            return DEFAULT_HEIGHT;
        }
        int perCategory = spec.kind().stacked() || spec.series().size() == 1 ? 34 : 12 * spec.series().size() + 16;
        int legend = spec.series().size() > 1 ? 34 : 0;
        return 70 + legend + Math.max(2, spec.categories().size()) * perCategory;
    }

    // ---- JFreeChart ----------------------------------------------------------------------------

    /** A category of the dataset: unique by position, read by its label. */
    record CategoryKey(int index, String label) implements Comparable<CategoryKey> {
        @Override
        public int compareTo(CategoryKey o) {
            return Integer.compare(index, o.index);
        }

        @Override
        public String toString() {
            return label == null ? "" : label;
        }
    }

    /** A series of the dataset: unique by position, read by its name. */
    record SeriesKey(int index, String name) implements Comparable<SeriesKey> {
        @Override
        public int compareTo(SeriesKey o) {
            return Integer.compare(index, o.index);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static JFreeChart categoryChart(Spec spec) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int s = 0; s < spec.series().size(); s++) {
            Series series = spec.series().get(s);
            SeriesKey key = new SeriesKey(s, series.name());
            for (int c = 0; c < spec.categories().size(); c++) {
                data.addValue(series.values().get(c), key, new CategoryKey(c, spec.categories().get(c).label()));
            }
        }
        // horizontal bars name their categories in the title and the table: the width goes to the labels instead
        CategoryAxis categoryAxis = new CategoryAxis(spec.kind().horizontal() ? null : spec.categoryAxis());
        NumberAxis valueAxis = new NumberAxis(spec.valueAxis());
        CategoryPlot plot;
        if (spec.kind().bars()) {
            BarRenderer renderer = spec.kind().stacked() ? new StackedBarRenderer() : new BarRenderer();
            renderer.setBarPainter(new StandardBarPainter());
            renderer.setShadowVisible(false);
            renderer.setDrawBarOutline(false);
            renderer.setItemMargin(0.04);
            renderer.setMaximumBarWidth(spec.kind().horizontal() ? 0.3 : 0.12);
            if (!spec.kind().stacked()) {
                renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                        spec.unit().format()) {
                    @Override
                    public String generateLabel(CategoryDataset dataset, int row, int column) {
                        Number v = dataset.getValue(row, column);
                        return v == null || v.doubleValue() == 0 ? null : super.generateLabel(dataset, row, column);
                    }
                }); // a zero bar has no length to label; "0" labels of neighbouring bars would overlap
                renderer.setDefaultItemLabelsVisible(true);
                renderer.setDefaultItemLabelFont(new Font(FONT, Font.PLAIN, 11));
                renderer.setDefaultItemLabelPaint(TEXT);
                renderer.setDefaultPositiveItemLabelPosition(spec.kind().horizontal()
                        ? new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT)
                        : new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
                valueAxis.setUpperMargin(0.12);
            }
            for (int s = 0; s < spec.series().size(); s++) {
                renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
            }
            plot = new CategoryPlot(data, categoryAxis, valueAxis, renderer);
            plot.setOrientation(spec.kind().horizontal() ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
            plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
            categoryAxis.setCategoryMargin(spec.kind().horizontal() ? 0.25 : 0.2);
        } else {
            LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
            lineStyle(spec, renderer::setSeriesPaint, renderer::setSeriesStroke, renderer::setSeriesShape);
            plot = new CategoryPlot(data, categoryAxis, valueAxis, renderer);
            plot.setOrientation(PlotOrientation.VERTICAL);
        }
        categoryAxis.setMaximumCategoryLabelLines(2);
        if (spec.kind().horizontal()) {
            categoryAxis.setMaximumCategoryLabelWidthRatio(0.42f);
        } else if (spec.categories().size() > 8) {
            categoryAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        valueAxis(valueAxis, spec.unit());
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainGridlinesVisible(false);
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, spec.series().size() > 1);
    }

    private static JFreeChart timeChart(Spec spec) {
        TimeSeriesCollection data = new TimeSeriesCollection(TimeZone.getTimeZone("UTC"));
        for (int s = 0; s < spec.series().size(); s++) {
            Series series = spec.series().get(s);
            TimeSeries ts = new TimeSeries(new SeriesKey(s, series.name()));
            for (int c = 0; c < spec.categories().size(); c++) {
                LocalDate d = spec.categories().get(c).day();
                ts.addOrUpdate(new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear()), series.values().get(c));
            }
            data.addSeries(ts);
        }
        DateAxis dateAxis = new DateAxis(spec.categoryAxis(), TimeZone.getTimeZone("UTC"), Locale.ENGLISH);
        SimpleDateFormat format = new SimpleDateFormat("d MMM yyyy", Locale.ENGLISH);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        dateAxis.setDateFormatOverride(format);
        dateAxis.setLowerMargin(0.01);
        dateAxis.setUpperMargin(0.01);
        NumberAxis valueAxis = new NumberAxis(spec.valueAxis());
        valueAxis(valueAxis, spec.unit());
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, spec.categories().size() <= 40);
        renderer.setDefaultEntityRadius(6);
        renderer.setDrawSeriesLineAsPath(true);
        lineStyle(spec, renderer::setSeriesPaint, renderer::setSeriesStroke, renderer::setSeriesShape);
        XYPlot plot = new XYPlot(data, dateAxis, valueAxis, renderer);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, spec.series().size() > 1);
    }

    private interface SeriesSetter<T> {
        void set(int series, T value);
    }

    /** Lines differ by colour, by dash and by marker, so they stay apart in grey print and for colour-blind readers. */
    private static void lineStyle(Spec spec, SeriesSetter<java.awt.Paint> paint, SeriesSetter<java.awt.Stroke> stroke,
                                  SeriesSetter<Shape> shape) {
        Shape[] shapes = {new Ellipse2D.Double(-4, -4, 8, 8), new Rectangle2D.Double(-3.5, -3.5, 7, 7),
                diamond(), new Ellipse2D.Double(-3, -3, 6, 6)};
        float[][] dashes = {null, {7f, 4f}, {2f, 3f}, {9f, 3f, 2f, 3f}};
        for (int s = 0; s < spec.series().size(); s++) {
            paint.set(s, PALETTE[s % PALETTE.length]);
            float[] dash = dashes[s % dashes.length];
            stroke.set(s, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
            shape.set(s, shapes[s % shapes.length]);
        }
    }

    private static Shape diamond() {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -5);
        p.lineTo(5, 0);
        p.lineTo(0, 5);
        p.lineTo(-5, 0);
        p.closePath();
        return p;
    }

    private static void valueAxis(NumberAxis axis, Unit unit) {
        axis.setNumberFormatOverride(unit.format());
        if (unit == Unit.COUNT || unit == Unit.SCORE) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ENGLISH));
        }
        if (unit == Unit.PERCENT) {
            axis.setRange(0, 108); // room above 100% for a bar's label; the ticks stop at 100
            axis.setTickUnit(new NumberTickUnit(20, unit.format()));
        }
        axis.setAutoRangeIncludesZero(true);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 4, 4, 30)); // room for the last date label
        Font label = new Font(FONT, Font.PLAIN, 13);
        Font tick = new Font(FONT, Font.PLAIN, 12);
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        if (plot instanceof CategoryPlot cp) {
            axisStyle(cp.getDomainAxis(), label, tick);
            axisStyle(cp.getRangeAxis(), label, tick);
        } else if (plot instanceof XYPlot xp) {
            axisStyle(xp.getDomainAxis(), label, tick);
            axisStyle(xp.getRangeAxis(), label, tick);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(new Font(FONT, Font.PLAIN, 12));
            legend.setItemPaint(TEXT);
            legend.setFrame(BlockBorder.NONE);
            legend.setBackgroundPaint(Color.WHITE);
            legend.setPosition(RectangleEdge.TOP);
            legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 12));
        }
    }

    private static void axisStyle(org.jfree.chart.axis.Axis axis, Font label, Font tick) {
        axis.setLabelFont(label);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(tick);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(new Color(0x9aa5b1));
        axis.setTickMarkPaint(new Color(0x9aa5b1));
    }

    // ---- links and text alternative -----------------------------------------------------------

    /** Transparent, linked shapes over every bar, point and category label that has a link. */
    static String overlays(Spec spec, ChartRenderingInfo info, JFreeChart chart) {
        StringBuilder out = new StringBuilder();
        Map<Long, Integer> dayIndex = new HashMap<>();
        if (spec.kind() == Kind.TIME_LINES) {
            for (int c = 0; c < spec.categories().size(); c++) {
                LocalDate d = spec.categories().get(c).day();
                dayIndex.put(new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear()).getFirstMillisecond(
                        java.util.Calendar.getInstance(TimeZone.getTimeZone("UTC"))), c);
            }
        }
        for (Object o : info.getEntityCollection().getEntities()) {
            ChartEntity e = (ChartEntity) o;
            String href = null;
            String title = null;
            if (e instanceof CategoryItemEntity item && item.getRowKey() instanceof SeriesKey s
                    && item.getColumnKey() instanceof CategoryKey c) {
                Series series = spec.series().get(s.index());
                href = series.href(c.index());
                title = itemTitle(spec, c.index(), series, s.index());
            } else if (e instanceof CategoryLabelEntity label && label.getKey() instanceof CategoryKey c) {
                href = spec.categories().get(c.index()).href();
                title = spec.categories().get(c.index()).label();
            } else if (e instanceof XYItemEntity item) {
                TimeSeriesCollection data = (TimeSeriesCollection) item.getDataset();
                Integer c = dayIndex.get(data.getSeries(item.getSeriesIndex()).getTimePeriod(item.getItem())
                        .getFirstMillisecond(java.util.Calendar.getInstance(TimeZone.getTimeZone("UTC"))));
                if (c != null) {
                    Series series = spec.series().get(item.getSeriesIndex());
                    href = series.href(c);
                    title = itemTitle(spec, c, series, item.getSeriesIndex());
                }
            }
            Rectangle2D bounds = e.getArea().getBounds2D();
            if (href != null && bounds.getWidth() >= 1 && bounds.getHeight() >= 1) { // a zero bar has nothing to click
                // tabindex -1: the chart is one image to assistive technology; keyboard users follow the same links
                // in the chart's table
                out.append("<a href=\"").append(escape(href)).append("\" class=\"pc-chart-link\" tabindex=\"-1\">")
                        .append("<path d=\"")
                        .append(path(e.getArea())).append("\" fill=\"transparent\" class=\"pc-chart-hit\"><title>")
                        .append(escape(title)).append("</title></path></a>");
            }
        }
        return out.toString();
    }

    private static String itemTitle(Spec spec, int category, Series series, int seriesIndex) {
        String value = spec.unit().text(series.values().get(category));
        String label = spec.categories().get(category).label();
        return spec.series().size() > 1 ? label + ", " + series.name() + ": " + value : label + ": " + value;
    }

    /** A shape as SVG path data. */
    static String path(Shape shape) {
        StringBuilder d = new StringBuilder();
        double[] c = new double[6];
        for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> d.append('M').append(n(c[0])).append(',').append(n(c[1]));
                case PathIterator.SEG_LINETO -> d.append('L').append(n(c[0])).append(',').append(n(c[1]));
                case PathIterator.SEG_QUADTO -> d.append('Q').append(n(c[0])).append(',').append(n(c[1])).append(' ')
                        .append(n(c[2])).append(',').append(n(c[3]));
                case PathIterator.SEG_CUBICTO -> d.append('C').append(n(c[0])).append(',').append(n(c[1])).append(' ')
                        .append(n(c[2])).append(',').append(n(c[3])).append(' ').append(n(c[4])).append(',')
                        .append(n(c[5]));
                case PathIterator.SEG_CLOSE -> d.append('Z');
                default -> throw new IllegalStateException("unknown path segment");
            }
        }
        return d.toString();
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Role, size, text alternative and overlays around JFreeSVG's markup. */
    private static String decorate(String svg, Spec spec, String summary, String overlays, String id, int width) {
        int open = svg.indexOf('>');
        int close = svg.lastIndexOf("</svg>");
        if (!svg.startsWith("<svg") || open < 0 || close < 0) {
            throw new IllegalStateException("unexpected SVG from JFreeSVG");
        }
        String head = svg.substring(0, open)
                + " id=\"" + id + "\" class=\"pc-chart\" role=\"img\" aria-label=\"" + escape(summary)
                + "\" style=\"max-width:" + width + "px\">"
                + "<title id=\"" + id + "-title\">" + escape(spec.title()) + "</title>"
                + "<desc id=\"" + id + "-desc\">" + escape(summary) + "</desc>";
        return head + svg.substring(open + 1, close) + overlays + "</svg>";
    }

    /**
     * The data in words, for people who cannot see the chart: e.g. "Overdue exposures by department: ICU 3, ED 5."
     * or, for a time line, where each series starts and ends and its highest point.
     */
    public static String summary(Spec spec) {
        StringBuilder b = new StringBuilder(spec.title() == null ? "" : spec.title()).append('.');
        if (!spec.hasData()) {
            return b.append(" No data.").toString();
        }
        Unit u = spec.unit();
        if (spec.kind() == Kind.TIME_LINES || spec.kind() == Kind.LINES) {
            for (Series s : spec.series()) {
                int first = -1;
                int last = -1;
                int max = -1;
                for (int i = 0; i < s.values().size(); i++) {
                    Double v = s.values().get(i);
                    if (v == null) {
                        continue;
                    }
                    first = first < 0 ? i : first;
                    last = i;
                    max = max < 0 || v > s.values().get(max) ? i : max;
                }
                if (first < 0) {
                    continue;
                }
                b.append(' ').append(s.name()).append(": ").append(u.text(s.values().get(first))).append(" on ")
                        .append(when(spec, first)).append(", ").append(u.text(s.values().get(last))).append(" on ")
                        .append(when(spec, last)).append(", highest ").append(u.text(s.values().get(max)))
                        .append(" on ").append(when(spec, max)).append('.');
            }
            return b.toString();
        }
        int shown = Math.min(SUMMARY_ITEMS, spec.categories().size());
        List<String> items = new ArrayList<>();
        for (int c = 0; c < shown; c++) {
            StringBuilder item = new StringBuilder(Objects.toString(spec.categories().get(c).label(), ""));
            if (spec.series().size() == 1) {
                item.append(' ').append(u.text(spec.series().getFirst().values().get(c)));
            } else {
                List<String> parts = new ArrayList<>();
                for (Series s : spec.series()) {
                    parts.add(s.name() + ' ' + u.text(s.values().get(c)));
                }
                item.append(" (").append(String.join(", ", parts)).append(')');
            }
            items.add(item.toString());
        }
        b.append(' ').append(String.join("; ", items));
        if (spec.categories().size() > shown) {
            b.append("; and ").append(spec.categories().size() - shown).append(" more");
        }
        return b.append('.').toString();
    }

    private static String when(Spec spec, int category) {
        Category c = spec.categories().get(category);
        return c.day() != null ? c.day().format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)) : c.label();
    }

    /** XML escaping of text and attribute values (the one used by the other SVG charts). */
    static String escape(String s) {
        return SvgBarChart.escape(s);
    }
}
