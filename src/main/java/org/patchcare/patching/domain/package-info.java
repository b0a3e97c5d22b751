/**
 * Patch records: one per device worked on, inside a change request or unplanned; their states, results, actions,
 * attachments and the pure rules of which move is allowed when.
 */
package org.patchcare.patching.domain;
