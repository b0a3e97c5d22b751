/**
 * The demo hospital generator and the first-start bootstrap.
 */
package org.patchcare.demo;
