/**
 * The Audit trail screen (administrators): search, an entry's before/after, CSV export.
 */
package org.patchcare.audit.ui;
