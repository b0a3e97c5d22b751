/**
 * The application's own metrics (counters, timings, gauges), kept in memory by {@link org.patchcare.shared.metrics.AppMetrics}
 * and written in the Prometheus text format by the operations context ({@code GET /metrics}).
 */
package org.patchcare.shared.metrics;
