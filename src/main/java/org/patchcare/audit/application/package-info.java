/**
 * Writing audit entries in the caller's transaction and reading a thing's history.
 */
package org.patchcare.audit.application;
