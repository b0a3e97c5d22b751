/**
 * AuditEntry.
 */
package org.patchcare.audit.domain;
