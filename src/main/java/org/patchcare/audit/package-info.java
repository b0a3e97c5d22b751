/**
 * Bounded context: the append-only audit trail of every state change.
 */
package org.patchcare.audit;
