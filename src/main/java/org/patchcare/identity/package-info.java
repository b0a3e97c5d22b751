/**
 * Bounded context: users, roles and their departments.
 */
package org.patchcare.identity;
