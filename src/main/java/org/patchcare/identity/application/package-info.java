/**
 * User administration and password checking.
 */
package org.patchcare.identity.application;
