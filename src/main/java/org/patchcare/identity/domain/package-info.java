/**
 * User and Role.
 */
package org.patchcare.identity.domain;
