package org.kepu.evidence.internal;

/** Detects the accepted types from the first bytes of a file; names and extensions are never trusted. */
public final class ContentSniffer {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String WEBP = "image/webp";
    public static final String PDF = "application/pdf";

    /** How many leading bytes {@link #detect} needs. */
    public static final int HEADER_BYTES = 16;

    private ContentSniffer() {
    }

    /** The content type, or null when the bytes are none of JPEG, PNG, WebP, PDF. */
    public static String detect(byte[] head, int length) {
        if (starts(head, length, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(head, length, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (starts(head, length, 0, 'R', 'I', 'F', 'F') && starts(head, length, 8, 'W', 'E', 'B', 'P')) {
            return WEBP;
        }
        if (starts(head, length, 0, '%', 'P', 'D', 'F', '-')) {
            return PDF;
        }
        return null;
    }

    private static boolean starts(byte[] head, int length, int offset, int... expected) {
        if (length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
