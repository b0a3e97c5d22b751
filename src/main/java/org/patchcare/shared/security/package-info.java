/**
 * Authentication (form login and HTTP Basic against the users in the database), password hashing, the current caller.
 */
package org.patchcare.shared.security;
