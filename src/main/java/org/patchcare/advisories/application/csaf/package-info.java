/** Reading CSAF 2.0 documents (Jackson 3 trees) into the records of the advisories domain. */
package org.patchcare.advisories.application.csaf;
