package org.patchcare.inventory.application;

/**
 * A department's mission impact changed, and with it the risk of every device in it. Fired inside the changing
 * transaction; observers that act later should observe it {@code AFTER_SUCCESS}.
 *
 * @param departmentId the department's database id (never shown outside the server)
 * @param code         the department's code
 * @param what         the cause in words, e.g. "mission impact Essential support crippled → Essential function fails"
 */
public record DepartmentContextChanged(long departmentId, String code, String what) {
}
