package org.kepu.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kepu.evidence.internal.ContentSniffer;

class ContentSnifferTest {

    @Test
    void recognisesTheFourTypesByTheirBytes() {
        assertThat(detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).isEqualTo("image/jpeg");
        assertThat(detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0})).isEqualTo("image/png");
        assertThat(detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("image/webp");
        assertThat(detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo("application/pdf");
    }

    @Test
    void refusesEverythingElse() {
        assertThat(detect(new byte[] {'P', 'K', 3, 4, 0, 0})).isNull();
        assertThat(detect("<html><script>".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(detect(new byte[] {'M', 'Z', (byte) 0x90, 0})).isNull();
        assertThat(detect("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1))).isNull();
        assertThat(detect(new byte[] {(byte) 0xFF, (byte) 0xD8})).isNull();
    }

    private static String detect(byte[] b) {
        return ContentSniffer.detect(b, b.length);
    }
}
