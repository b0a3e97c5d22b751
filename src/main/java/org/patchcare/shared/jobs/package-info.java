/**
 * Scheduled jobs in a cluster: every job is an EJB timer; the cluster-wide ones are persistent timers kept in the shared
 * database by WildFly, so exactly one node runs each firing (ADR 0022, docs/clustering.md).
 */
package org.patchcare.shared.jobs;
