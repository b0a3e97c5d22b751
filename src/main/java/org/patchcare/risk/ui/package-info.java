/**
 * Screens of the risk context: the IT work queue, one exposure's SSVC decision with its evidence, the department
 * dashboard, and the small risk summary on the device screen. Views only show what RiskService answers.
 */
package org.patchcare.risk.ui;
