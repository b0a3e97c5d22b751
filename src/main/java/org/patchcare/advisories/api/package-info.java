/** REST resources of the advisories context under /api/v1. */
package org.patchcare.advisories.api;
