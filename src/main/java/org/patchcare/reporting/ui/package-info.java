/**
 * The dashboards (executive, department, operations): thin Vaadin views over {@code MetricsService}, and the chart
 * toolkit ({@link org.patchcare.reporting.ui.Charts}: JFreeChart into inline SVG with links and a text alternative;
 * {@link org.patchcare.reporting.ui.ChartCard}: heading, chart, table, empty state). docs/dashboards.md is the guide.
 */
package org.patchcare.reporting.ui;
