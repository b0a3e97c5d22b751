/** Planning's JSON API under /api/v1: runs (/planning/runs) and planning data (/planning/technicians, …). */
package org.patchcare.planning.api;
