/**
 * Operations: health checks for load balancers and orchestrators, Prometheus metrics, request ids in structured
 * logs, and the background check of the database. Nothing here is a user feature; everything is for operators
 * (docs/operations.md).
 */
package org.patchcare.operations;
