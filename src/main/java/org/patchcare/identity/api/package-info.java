/**
 * REST API of the identity context: API tokens of machine clients (administrators only).
 */
package org.patchcare.identity.api;
