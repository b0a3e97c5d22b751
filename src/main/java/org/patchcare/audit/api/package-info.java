/**
 * {@code GET /api/v1/audit}: the audit trail for administrators, as JSON pages or a CSV export.
 */
package org.patchcare.audit.api;
