/**
 * The SSO companion WAR (patchcare-sso.war at /sso, ADR 0018): secured as a whole by WildFly's elytron-oidc-client,
 * it turns the identity provider's verified ID token into a single-use login ticket for the application's
 * {@code /login/sso}. Built by a second maven-war-plugin execution from these classes only; not part of the main WAR.
 */
package org.patchcare.sso;
