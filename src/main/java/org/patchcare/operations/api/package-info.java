/** Unauthenticated operator endpoints outside /api: /health/live, /health/ready, /metrics; and the request filter. */
package org.patchcare.operations.api;
