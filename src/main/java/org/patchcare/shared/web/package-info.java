/**
 * HTTP hardening: the security headers of every response and the session cookie's attributes (ADR 19,
 * docs/security.md V14).
 */
package org.patchcare.shared.web;
