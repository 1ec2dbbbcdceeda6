/** 佐证材料: evidence files (photos, PDFs, scanned sign-in sheets) stored once by content hash, with thumbnails. */
package org.kepu.evidence;
