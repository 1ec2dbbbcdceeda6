package org.kepu.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.kepu.shared.BadRequestException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@KepuIntegrationTest
class EvidenceStoreTest {

    @Autowired
    EvidenceStore store;
    @Autowired
    JdbcClient jdbc;

    @Test
    void pngNamedPdfIsStoredAsPngWithThumbnail() throws Exception {
        byte[] png = png(800, 600);
        StoredFile f = store.store(new ByteArrayInputStream(png), "scan.pdf");
        assertThat(f.contentType()).isEqualTo("image/png");
        assertThat(f.width()).isEqualTo(800);
        assertThat(f.height()).isEqualTo(600);
        assertThat(f.size()).isEqualTo(png.length);
        assertThat(f.sha256()).hasSize(64);
        FileContent original = store.open(f.sha256());
        assertThat(original.path().toString()).endsWith(f.sha256().substring(0, 2) + "/" + f.sha256().substring(2, 4)
                + "/" + f.sha256());
        assertThat(Files.readAllBytes(original.path())).isEqualTo(png);
        FileContent thumb = store.thumbnail(f.sha256());
        assertThat(thumb.contentType()).isEqualTo("image/jpeg");
        BufferedImage t = ImageIO.read(thumb.path().toFile());
        assertThat(Math.max(t.getWidth(), t.getHeight())).isEqualTo(320);
    }

    @Test
    void webpIsDecodedForSizeAndThumbnail() {
        byte[] webp = java.util.Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
        StoredFile f = store.store(new ByteArrayInputStream(webp), "tiny.jpg");
        assertThat(f.contentType()).isEqualTo("image/webp");
        assertThat(f.width()).isEqualTo(1);
        assertThat(store.thumbnail(f.sha256()).contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void disguisedZipAndHtmlAreRefused() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("a.txt"));
            z.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(zip.toByteArray()), "photo.jpg"))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("evidence.error.unsupportedType"));
        byte[] html = "<!DOCTYPE html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(html), "photo.jpg"))
                .isInstanceOf(BadRequestException.class);
    }

    @Test
    void jpegHeaderWithGarbageIsRefusedAsCorrupt() {
        byte[] fake = new byte[2048];
        ThreadLocalRandom.current().nextBytes(fake);
        fake[0] = (byte) 0xFF;
        fake[1] = (byte) 0xD8;
        fake[2] = (byte) 0xFF;
        fake[3] = (byte) 0x01;
        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(fake), "x.jpg"))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("evidence.error.corrupt"));
    }

    @Test
    void filesOver20MegabytesAreRefused() {
        long size = EvidenceStore.MAX_BYTES + 1;
        InputStream big = new InputStream() {
            long left = size;
            final byte[] pdf = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);

            @Override
            public int read() {
                if (left == 0) {
                    return -1;
                }
                long pos = size - left--;
                return pos < pdf.length ? pdf[(int) pos] : 'x';
            }
        };
        assertThatThrownBy(() -> store.store(big, "big.pdf")).isInstanceOfSatisfying(BadRequestException.class,
                e -> assertThat(e.messageKey()).isEqualTo("evidence.error.tooLarge"));
    }

    @Test
    void sameBytesAreStoredOnce() throws Exception {
        byte[] pdf = ("%PDF-1.4\n% " + System.nanoTime() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        StoredFile a = store.store(new ByteArrayInputStream(pdf), "a.pdf");
        StoredFile b = store.store(new ByteArrayInputStream(pdf), "b-renamed.pdf");
        assertThat(b.sha256()).isEqualTo(a.sha256());
        assertThat(a.contentType()).isEqualTo("application/pdf");
        assertThat(jdbc.sql("select count(*) from evidence_file where sha256 = :s").param("s", a.sha256())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(store.thumbnail(a.sha256()).contentType()).isEqualTo("image/jpeg");
    }

    static byte[] png(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 200; i++) {
            img.setRGB(r.nextInt(w), r.nextInt(h), r.nextInt());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
