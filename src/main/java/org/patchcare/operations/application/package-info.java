/** The database check and the cached queue sizes behind the health and metrics endpoints. */
package org.patchcare.operations.application;
