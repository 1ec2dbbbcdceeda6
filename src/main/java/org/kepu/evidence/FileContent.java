package org.kepu.evidence;

import java.nio.file.Path;

/** Bytes to send: a file on disk and its content type. */
public record FileContent(Path path, String contentType, long size) {
}
