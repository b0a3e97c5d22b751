package org.patchcare.inventory.ui;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SvgBarChartTest {

    private static SvgBarChart.Bar bar(String label, long unsupported, long soon) {
        return new SvgBarChart.Bar(label, "devices?department=" + label, List.of(
                new SvgBarChart.Segment("Unsupported", unsupported, "unsupported", "#b3261e", "devices?department=X&support=UNSUPPORTED"),
                new SvgBarChart.Segment("Ending soon", soon, "ending_soon", "#d29922", null)));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> segments(Document doc) {
        NodeList rects = doc.getElementsByTagNameNS("*", "rect");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (r.getAttribute("class").contains("pc-chart-segment") && !"4".equals(r.getAttribute("y"))) {
                out.add(r); // legend swatches sit at y=4
            }
        }
        return out;
    }

    @Test
    void escapes_labels_so_a_department_name_cannot_inject_markup() throws Exception {
        String evil = "<script>alert('x')</script> & \"Co\"";
        String svg = new SvgBarChart("Chart <b>", 700).render(List.of(bar(evil, 3, 1)));

        assertThat(svg).doesNotContain("<script>").doesNotContain("<b>");
        Document doc = parse(svg); // well-formed XML despite the label
        assertThat(doc.getDocumentElement().getAttribute("aria-label")).isEqualTo("Chart <b>");
        assertThat(svg).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;");
    }

    @Test
    void escapes_ampersands_in_links() throws Exception {
        String svg = new SvgBarChart("c", 700).render(List.of(bar("ICU", 2, 0)));

        assertThat(svg).contains("href=\"devices?department=X&amp;support=UNSUPPORTED\"");
        parse(svg);
    }

    @Test
    void the_largest_bar_fills_the_plot_area_and_others_scale_to_it() throws Exception {
        SvgBarChart chart = new SvgBarChart("c", 700);
        Document doc = parse(chart.render(List.of(bar("ICU", 6, 4), bar("ED", 5, 0))));

        List<Element> rects = segments(doc);
        assertThat(rects).hasSize(3);
        double icuUnsupported = Double.parseDouble(rects.get(0).getAttribute("width"));
        double icuSoon = Double.parseDouble(rects.get(1).getAttribute("width"));
        double ed = Double.parseDouble(rects.get(2).getAttribute("width"));
        assertThat(icuUnsupported + icuSoon).isCloseTo(chart.barArea(), within(0.2));
        assertThat(ed).isCloseTo(chart.barArea() / 2.0, within(0.2));
        assertThat(Double.parseDouble(rects.get(1).getAttribute("x")))
                .as("the second segment starts where the first ends")
                .isCloseTo(SvgBarChart.LABEL_WIDTH + icuUnsupported, within(0.2));
    }

    @Test
    void draws_no_rectangle_for_empty_segments_and_copes_with_all_zero() throws Exception {
        Document doc = parse(new SvgBarChart("c", 700).render(List.of(bar("ICU", 0, 0))));

        assertThat(segments(doc)).isEmpty();
        assertThat(new SvgBarChart("c", 700).render(List.of())).contains("Nothing to show");
    }
}
