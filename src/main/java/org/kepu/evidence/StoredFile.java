package org.kepu.evidence;

/** A stored evidence file: its SHA-256 (hex), the content type detected from its bytes, size and image size. */
public record StoredFile(String sha256, String contentType, long size, Integer width, Integer height) {

    public boolean image() {
        return contentType.startsWith("image/");
    }

    public boolean pdf() {
        return "application/pdf".equals(contentType);
    }
}
