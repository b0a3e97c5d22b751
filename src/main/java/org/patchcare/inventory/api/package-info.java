/**
 * REST resources of the inventory under {@code /api/v1}: devices, device models, manufacturers, departments and
 * facilities. Records in and out; devices are named by asset tag, never by database id.
 */
package org.patchcare.inventory.api;
