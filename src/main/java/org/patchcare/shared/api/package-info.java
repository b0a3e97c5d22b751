/**
 * REST API plumbing: the JAX-RS application at {@code /api/v1}, its OpenAPI definition, and the mapping of every
 * exception to an RFC 9457 problem+json answer (see docs/adr/0003-api-errors.md).
 */
package org.patchcare.shared.api;
