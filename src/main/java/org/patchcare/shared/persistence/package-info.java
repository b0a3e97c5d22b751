/**
 * Flyway migration at start-up and helpers that recognise database errors.
 */
package org.patchcare.shared.persistence;
