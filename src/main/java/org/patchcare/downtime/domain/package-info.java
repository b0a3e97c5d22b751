/**
 * Downtime: change requests (the work that takes devices down), their approvals and state history, downtime windows,
 * blackout windows per department, redundancy groups and the rules that find conflicts between them. Imports nothing
 * from ui or api.
 */
package org.patchcare.downtime.domain;
