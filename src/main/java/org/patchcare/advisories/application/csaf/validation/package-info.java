/**
 * Validation of CSAF 2.0 advisories before import: the CSAF version, the OASIS JSON schema (with the FIRST CVSS
 * schemas, all loaded from the classpath, never from the network), the mandatory tests 6.1.1 to 6.1.33 as errors and
 * the optional (6.2) and informative (6.3) tests that can run offline as warnings. Entry point: {@link
 * org.patchcare.advisories.application.csaf.validation.CsafValidator}. The test ids and what each checks are listed in
 * docs/csaf-validation.md.
 */
package org.patchcare.advisories.application.csaf.validation;
