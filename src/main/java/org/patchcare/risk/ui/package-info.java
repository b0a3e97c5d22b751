/**
 * Screens of the risk context: the IT work queue, one exposure's SSVC decision with its evidence, the department
 * dashboard, and the small risk summary on the device screen; risk mitigation: the control list (active, expiring,
 * expired, withdrawn) with its form, the risk acceptances awaiting a decision, and the dialogs the exposure screen
 * opens (attach a control, record a validation result, request a risk acceptance). Views only show what the services
 * answer; every rule lives in the services.
 */
package org.patchcare.risk.ui;
