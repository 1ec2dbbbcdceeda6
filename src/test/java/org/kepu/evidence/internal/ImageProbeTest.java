package org.kepu.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thumbnails and sizes of phone photos that are stored sideways with an EXIF orientation. */
class ImageProbeTest {

    @TempDir
    Path dir;

    @Test
    void aPhotoStoredSidewaysGetsAnUprightThumbnailAndItsUprightSize() throws IOException {
        // 40 × 20 as stored, left half red, right half blue; orientation 6 says "turn 90° clockwise to show".
        Path photo = dir.resolve("portrait.jpg");
        Files.write(photo, withOrientation(jpeg(40, 20), 6));

        assertThat(ImageProbe.dimensions(photo)).containsExactly(20, 40);
        Path thumb = dir.resolve("portrait.thumb.jpg");
        ImageProbe.thumbnail(photo, thumb);
        BufferedImage t = ImageIO.read(thumb.toFile());
        assertThat(t.getHeight()).isGreaterThan(t.getWidth());
        // Turned clockwise, the stored left edge (red) is now the top and the right edge (blue) the bottom.
        assertThat(reddish(t.getRGB(t.getWidth() / 2, t.getHeight() / 8))).isTrue();
        assertThat(bluish(t.getRGB(t.getWidth() / 2, t.getHeight() * 7 / 8))).isTrue();
    }

    @Test
    void aPhotoWithoutOrientationKeepsItsShape() throws IOException {
        Path photo = dir.resolve("landscape.jpg");
        Files.write(photo, jpeg(40, 20));

        assertThat(ImageProbe.dimensions(photo)).containsExactly(40, 20);
        Path thumb = dir.resolve("landscape.thumb.jpg");
        ImageProbe.thumbnail(photo, thumb);
        BufferedImage t = ImageIO.read(thumb.toFile());
        assertThat(t.getWidth()).isGreaterThan(t.getHeight());
        assertThat(reddish(t.getRGB(t.getWidth() / 8, t.getHeight() / 2))).isTrue();
        assertThat(bluish(t.getRGB(t.getWidth() * 7 / 8, t.getHeight() / 2))).isTrue();
    }

    private static byte[] jpeg(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w / 2, h);
        g.setColor(Color.BLUE);
        g.fillRect(w / 2, 0, w - w / 2, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    /** Inserts an EXIF APP1 segment (big-endian TIFF, IFD0 with one Orientation entry) after the JFIF APP0. */
    private static byte[] withOrientation(byte[] jpeg, int orientation) {
        ByteBuffer exif = ByteBuffer.allocate(6 + 8 + 2 + 12 + 4);
        exif.put("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        exif.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        exif.putShort((short) 1);
        exif.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        exif.putInt(0);
        byte[] payload = exif.array();
        int app0End = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + payload.length);
        out.put(jpeg, 0, app0End);
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (payload.length + 2)).put(payload);
        out.put(jpeg, app0End, jpeg.length - app0End);
        return out.array();
    }

    private static boolean reddish(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 180 && c.getBlue() < 90;
    }

    private static boolean bluish(int rgb) {
        Color c = new Color(rgb);
        return c.getBlue() > 180 && c.getRed() < 90;
    }
}
