package org.patchcare.reporting.ui;

import org.junit.jupiter.api.Test;
import org.patchcare.reporting.ui.Charts.Category;
import org.patchcare.reporting.ui.Charts.Kind;
import org.patchcare.reporting.ui.Charts.Series;
import org.patchcare.reporting.ui.Charts.Spec;
import org.patchcare.reporting.ui.Charts.Unit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chart toolkit: JFreeChart's SVG with links over the bars and points, a text alternative, escaping. */
class ChartsTest {

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** Every link of the chart: href → the tooltip of its overlay. */
    static Map<String, List<String>> links(Document doc) {
        Map<String, List<String>> out = new TreeMap<>();
        NodeList as = doc.getElementsByTagNameNS("*", "a");
        for (int i = 0; i < as.getLength(); i++) {
            Element a = (Element) as.item(i);
            out.computeIfAbsent(a.getAttribute("href"), k -> new ArrayList<>()).add(a.getTextContent());
        }
        return out;
    }

    private static Spec overdueByDepartment(String secondDepartment) {
        return new Spec(Kind.HORIZONTAL_BARS, "Overdue exposures by department", "Department", "Exposures", Unit.COUNT,
                List.of(Category.of("Intensive Care", "risk?department=ICU"), Category.of(secondDepartment, null)),
                List.of(new Series("Overdue", List.of(3.0, 5.0),
                        List.of("risk?department=ICU&overdue=true", "risk?department=ED&overdue=true"))));
    }

    @Test
    void each_bar_carries_a_link_to_the_list_behind_it_and_the_category_label_its_own() throws Exception {
        Charts.Rendered r = Charts.render(overdueByDepartment("Emergency"));
        Document doc = parse(r.svg());

        assertThat(links(doc)).containsOnlyKeys("risk?department=ICU&overdue=true", "risk?department=ED&overdue=true",
                "risk?department=ICU");
        assertThat(links(doc).get("risk?department=ICU&overdue=true")).containsExactly("Intensive Care: 3");
        assertThat(links(doc).get("risk?department=ED&overdue=true")).containsExactly("Emergency: 5");
        assertThat(links(doc).get("risk?department=ICU")).as("the linked axis label").containsExactly("Intensive Care");
        assertThat(r.svg()).as("ampersands escaped in the markup")
                .contains("href=\"risk?department=ICU&amp;overdue=true\"");
        NodeList as = doc.getElementsByTagNameNS("*", "a");
        for (int i = 0; i < as.getLength(); i++) {
            assertThat(((Element) as.item(i)).getAttribute("tabindex")).as("keyboard users take the table's links")
                    .isEqualTo("-1");
        }
    }

    @Test
    void a_bar_overlay_covers_the_bar_JFreeChart_drew() throws Exception {
        Document doc = parse(Charts.render(overdueByDepartment("Emergency")).svg());
        NodeList as = doc.getElementsByTagNameNS("*", "a");
        Element overlay = null;
        for (int i = 0; i < as.getLength(); i++) {
            Element a = (Element) as.item(i);
            if (a.getAttribute("href").equals("risk?department=ED&overdue=true")) {
                overlay = (Element) a.getElementsByTagNameNS("*", "path").item(0);
            }
        }
        assertThat(overlay).isNotNull();
        assertThat(overlay.getAttribute("fill")).isEqualTo("transparent");
        // the overlay's corners, as drawn: the longer bar (5) reaches further right than the shorter one (3)
        double[] ed = bounds(overlay.getAttribute("d"));
        NodeList rects = doc.getElementsByTagNameNS("*", "rect");
        boolean matchesADrawnBar = false;
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            double x = Double.parseDouble(rect.getAttribute("x"));
            double y = Double.parseDouble(rect.getAttribute("y"));
            double w = Double.parseDouble(rect.getAttribute("width"));
            double h = Double.parseDouble(rect.getAttribute("height"));
            if (Math.abs(x - ed[0]) <= 1 && Math.abs(y - ed[1]) <= 1 && Math.abs(x + w - ed[2]) <= 1
                    && Math.abs(y + h - ed[3]) <= 1) {
                matchesADrawnBar = true;
            }
        }
        assertThat(matchesADrawnBar).as("overlay %s lies on a drawn bar", Arrays.toString(ed)).isTrue();
    }

    /** min x, min y, max x, max y of path data made of M/L/Z. */
    private static double[] bounds(String d) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (String point : d.replace("Z", "").split("[ML]")) {
            if (point.isBlank()) {
                continue;
            }
            String[] xy = point.split(",");
            double x = Double.parseDouble(xy[0]);
            double y = Double.parseDouble(xy[1]);
            b[0] = Math.min(b[0], x);
            b[1] = Math.min(b[1], y);
            b[2] = Math.max(b[2], x);
            b[3] = Math.max(b[3], y);
        }
        return b;
    }

    @Test
    void the_text_alternative_summarises_the_data_in_words() throws Exception {
        Charts.Rendered r = Charts.render(overdueByDepartment("Emergency"));
        Element svg = parse(r.svg()).getDocumentElement();

        assertThat(svg.getAttribute("role")).isEqualTo("img");
        assertThat(svg.getAttribute("aria-label"))
                .isEqualTo("Overdue exposures by department. Intensive Care 3; Emergency 5.");
        assertThat(svg.getElementsByTagNameNS("*", "title").item(0).getTextContent())
                .isEqualTo("Overdue exposures by department");
        assertThat(svg.getElementsByTagNameNS("*", "desc").item(0).getTextContent()).isEqualTo(r.summary());
    }

    @Test
    void a_department_named_like_markup_is_escaped_in_labels_tooltips_and_summary() throws Exception {
        String evil = "<script>alert('x')</script> & \"Co\"";
        Charts.Rendered r = Charts.render(overdueByDepartment(evil));

        assertThat(r.svg()).doesNotContain("<script").contains("&lt;script&gt;");
        Document doc = parse(r.svg()); // still well-formed XML
        assertThat(doc.getDocumentElement().getAttribute("aria-label")).contains(evil + " 5");
        assertThat(links(doc).get("risk?department=ED&overdue=true")).containsExactly(evil + ": 5");
        NodeList texts = doc.getElementsByTagNameNS("*", "text");
        boolean drawn = false;
        for (int i = 0; i < texts.getLength(); i++) {
            drawn |= texts.item(i).getTextContent().contains("<script>");
        }
        assertThat(drawn).as("the axis label JFreeSVG drew reads as the name, as text").isTrue();
    }

    @Test
    void a_link_cannot_break_out_of_its_attribute() throws Exception {
        Spec spec = new Spec(Kind.BARS, "t", "c", "v", Unit.COUNT, List.of(Category.of("a", null)),
                List.of(new Series("s", List.of(1.0), List.of("x\" onclick=\"alert(1)"))));
        Document doc = parse(Charts.render(spec).svg());

        assertThat(links(doc)).containsOnlyKeys("x\" onclick=\"alert(1)");
        NodeList as = doc.getElementsByTagNameNS("*", "a");
        assertThat(((Element) as.item(0)).hasAttribute("onclick")).isFalse();
    }

    @Test
    void stacked_bars_link_each_part_to_its_own_list() throws Exception {
        Spec spec = new Spec(Kind.STACKED_HORIZONTAL_BARS, "Open exposures by priority", "Priority", "Exposures",
                Unit.COUNT, List.of(Category.of("Immediate", null), Category.of("Scheduled", null)), List.of(
                new Series("Overdue", List.of(2.0, 0.0), List.of("risk?outcome=IMMEDIATE&overdue=true",
                        "risk?outcome=SCHEDULED&overdue=true")),
                new Series("Not yet due", List.of(1.0, 4.0), List.of("risk?outcome=IMMEDIATE",
                        "risk?outcome=SCHEDULED"))));
        Map<String, List<String>> links = links(parse(Charts.render(spec).svg()));

        assertThat(links).containsEntry("risk?outcome=IMMEDIATE&overdue=true", List.of("Immediate, Overdue: 2"))
                .containsEntry("risk?outcome=IMMEDIATE", List.of("Immediate, Not yet due: 1"))
                .containsEntry("risk?outcome=SCHEDULED", List.of("Scheduled, Not yet due: 4"));
        assertThat(links).as("a zero part has no area to click")
                .doesNotContainKey("risk?outcome=SCHEDULED&overdue=true");
    }

    @Test
    void points_of_a_time_line_link_to_their_day_and_the_summary_says_where_it_went() throws Exception {
        LocalDate d = LocalDate.of(2026, 1, 5);
        List<Category> weeks = List.of(Category.day(d, "w1"), Category.day(d.plusWeeks(1), "w2"),
                Category.day(d.plusWeeks(2), "w3"));
        Spec spec = new Spec(Kind.TIME_LINES, "Exposure score over time", "Week", "Score", Unit.SCORE, weeks,
                List.of(new Series("Exposure score", List.of(120.0, 180.0, 90.0), List.of("w?1", "w?2", "w?3"))));
        Charts.Rendered r = Charts.render(spec);

        assertThat(links(parse(r.svg()))).containsEntry("w?2", List.of("w2: 180"))
                .containsEntry("w?3", List.of("w3: 90"));
        assertThat(r.summary()).isEqualTo("Exposure score over time. Exposure score: 120 on 5 Jan 2026, 90 on "
                + "19 Jan 2026, highest 180 on 12 Jan 2026.");
    }

    @Test
    void a_line_over_quarters_skips_missing_values_and_formats_days() {
        Spec spec = new Spec(Kind.LINES, "Time to patch", "Quarter", "Days", Unit.DAYS,
                List.of(Category.of("2026-Q1", null), Category.of("2026-Q2", null), Category.of("2026-Q3", null)),
                List.of(new Series("Median", Arrays.asList(null, 12.25, 9.5), null)));

        assertThat(Charts.render(spec).summary()).isEqualTo("Time to patch. Median: 12.2 days on 2026-Q2, 9.5 days on "
                + "2026-Q3, highest 12.2 days on 2026-Q2.");
    }

    @Test
    void nothing_to_draw_is_known_before_drawing() {
        Spec spec = new Spec(Kind.BARS, "t", "c", "v", Unit.COUNT, List.of(Category.of("a", null)),
                List.of(new Series("s", Arrays.asList((Double) null), null)));
        assertThat(spec.hasData()).isFalse();
        assertThat(new Spec(Kind.BARS, "t", "c", "v", Unit.COUNT, List.of(), List.of()).hasData()).isFalse();
    }

    @Test
    void a_series_needs_one_value_per_category_and_a_time_line_a_day_per_point() {
        assertThatThrownBy(() -> new Spec(Kind.BARS, "t", "c", "v", Unit.COUNT, List.of(Category.of("a", null)),
                List.of(new Series("s", List.of(1.0, 2.0), null)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Spec(Kind.TIME_LINES, "t", "c", "v", Unit.COUNT, List.of(Category.of("a", null)),
                List.of(new Series("s", List.of(1.0), null)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void two_charts_on_one_page_do_not_share_element_ids() {
        String a = Charts.render(overdueByDepartment("ED")).svg();
        String b = Charts.render(overdueByDepartment("ED")).svg();
        assertThat(ids(a)).doesNotContainAnyElementsOf(ids(b));
    }

    private static List<String> ids(String svg) {
        List<String> ids = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("id=['\"]([^'\"]+)['\"]").matcher(svg);
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertThat(ids).isNotEmpty();
        return ids;
    }

    @Test
    void drawing_a_chart_takes_a_few_milliseconds() {
        List<Category> days = new ArrayList<>();
        List<Double> open = new ArrayList<>();
        for (int i = 0; i < 365; i++) {
            days.add(Category.day(LocalDate.of(2026, 1, 1).plusDays(i), "d" + i));
            open.add((double) (400 - i));
        }
        Spec burnDown = new Spec(Kind.TIME_LINES, "Open exposures over time", "Day", "Open", Unit.COUNT, days,
                List.of(new Series("Open", open, null), new Series("Overdue", open.stream().map(v -> v / 4).toList(),
                        null)));
        for (int i = 0; i < 5; i++) {
            Charts.render(burnDown); // warm up: class loading, fonts
            Charts.render(overdueByDepartment("ED"));
        }
        long[] nanos = new long[21];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            Charts.render(burnDown);
            Charts.render(overdueByDepartment("ED"));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        assertThat(nanos[nanos.length / 2] / 2 / 1_000_000.0).as("median ms per chart (goal: under 500 ms per chart "
                + "with the query; drawing is a small part)").isLessThan(50);
    }
}
