/**
 * VEX export: PatchCare's exposure states for one device or for all devices of one model, written as a CSAF 2.0 VEX
 * document ({@link org.patchcare.advisories.application.vex.CsafVexWriter}) or as a CycloneDX VEX BOM
 * ({@link org.patchcare.advisories.application.vex.CycloneDxVexWriter}). Plain Java: the caller fills a
 * {@link org.patchcare.advisories.application.vex.VexRequest} from the database.
 */
package org.patchcare.advisories.application.vex;
