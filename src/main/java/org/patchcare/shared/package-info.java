/**
 * Shared kernel: base entity, domain exceptions, security, persistence plumbing, UI shell and API plumbing used by every context.
 */
package org.patchcare.shared;
