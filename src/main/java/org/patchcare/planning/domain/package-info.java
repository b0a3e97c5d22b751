/**
 * Planning: the downtime-proposal problem for the Timefold constraint solver (tasks = devices to take down, slots,
 * technicians, redundancy groups), its constraints ({@link org.patchcare.planning.domain.PlanConstraints}), the
 * greedy earliest-due-date baseline and the plain-language explanations; plus the planning data kept in the database
 * (technicians and their skills, vendor visits, low-census hours, planning runs and their proposals). Imports nothing
 * from ui or api.
 */
package org.patchcare.planning.domain;
