/**
 * Screens of risk mitigation: the control list (active, expiring, expired, withdrawn) with its form, the risk
 * acceptances awaiting a decision, and the dialogs the exposure screen opens: attach a control, record a validation
 * result, request a risk acceptance. Thin: every rule lives in the services.
 */
package org.patchcare.risk.ui;
