/** Input helpers shared by the contexts' readers: size-limited streams for uploads, strict flags for JSON bodies. */
package org.patchcare.shared.io;
