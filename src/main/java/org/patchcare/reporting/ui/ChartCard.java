package org.patchcare.reporting.ui;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;

/**
 * One chart of a dashboard: a heading, what it shows in plain words, the chart itself (server-rendered SVG, see
 * {@link Charts}), the same numbers as a table behind "Show as table" (with the same links, for keyboard and screen
 * reader users), and a link to the list behind the whole chart. Without data it says so in words instead of drawing
 * empty axes.
 */
public class ChartCard extends Div {

    final Charts.Spec spec;
    /** The drawn chart, or null when there was nothing to draw. */
    final Svg chart;
    final Details table;
    final Paragraph empty;

    /**
     * @param id          the card's id (the chart gets {@code id + "-chart"}, the table {@code id + "-table"})
     * @param spec        what to draw; its title is the heading
     * @param explanation one sentence for a person who has not seen this chart before (may be null)
     * @param emptyText   what to say when there is nothing to draw, e.g. "No exposure has been patched yet."
     */
    public ChartCard(String id, Charts.Spec spec, String explanation, String emptyText) {
        this.spec = spec;
        setId(id);
        addClassNames("pc-card", "pc-dash-card");
        add(new H3(spec.title()));
        if (explanation != null) {
            Paragraph p = new Paragraph(explanation);
            p.addClassNames("pc-muted", "pc-dash-explain");
            add(p);
        }
        if (!spec.hasData()) {
            chart = null;
            table = null;
            empty = new Paragraph(emptyText);
            empty.setId(id + "-empty");
            empty.addClassName("pc-dash-empty");
            add(empty);
            return;
        }
        empty = null;
        Charts.Rendered rendered = Charts.render(spec);
        chart = new Svg(rendered.svg());
        chart.setId(id + "-chart");
        chart.addClassName("pc-dash-chart");
        table = new Details("Show as table", table(spec));
        table.setId(id + "-table");
        table.addClassName("pc-dash-table");
        add(chart, table);
    }

    /** Adds the link to the list behind the whole chart, e.g. "Open these exposures in the work queue". */
    public ChartCard withList(String text, String href) {
        if (href != null) {
            Anchor a = new Anchor(href, text);
            a.setId(getId().orElse("chart") + "-list");
            a.addClassName("pc-dash-list");
            add(a);
        }
        return this;
    }

    /** The numbers of the chart: one row per category, one column per series, each value linked like its bar. */
    static NativeTable table(Charts.Spec spec) {
        NativeTable t = new NativeTable();
        t.setCaptionText(spec.title());
        NativeTableRow head = t.getHead().addRow();
        head.addHeaderCell().setText(spec.categoryAxis() == null ? "" : spec.categoryAxis());
        spec.series().forEach(s -> head.addHeaderCell().setText(s.name()));
        NativeTableBody body = t.getBody();
        for (int c = 0; c < spec.categories().size(); c++) {
            Charts.Category category = spec.categories().get(c);
            NativeTableRow row = body.addRow();
            NativeTableHeaderCell name = row.addHeaderCell();
            name.getElement().setAttribute("scope", "row");
            if (category.href() != null) {
                name.add(new Anchor(category.href(), category.label()));
            } else {
                name.setText(category.label());
            }
            for (Charts.Series s : spec.series()) {
                NativeTableCell cell = row.addDataCell();
                String text = spec.unit().text(s.values().get(c));
                String href = s.href(c);
                if (href != null && s.values().get(c) != null) {
                    cell.add(new Anchor(href, text));
                } else {
                    cell.setText(text);
                }
            }
        }
        return t;
    }
}
