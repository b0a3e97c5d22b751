/**
 * Base entity (id, version, audit columns), domain exceptions with messages for people, role names.
 */
package org.patchcare.shared.domain;
