/** Stream helpers shared by the contexts' file readers. */
package org.patchcare.shared.io;
