/**
 * Planning's services: {@link org.patchcare.planning.application.PlanningService} (runs),
 * {@link org.patchcare.planning.application.PlanningDataService} (technicians, vendor visits, low-census hours),
 * the facts loader and the background runner.
 */
package org.patchcare.planning.application;
