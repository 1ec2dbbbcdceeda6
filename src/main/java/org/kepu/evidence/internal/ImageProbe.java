package org.kepu.evidence.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/** Reads image dimensions and makes JPEG thumbnails without decoding huge images at full size. */
public final class ImageProbe {

    /** Larger images are refused: decoding them could exhaust memory (decompression bombs). */
    public static final long MAX_PIXELS = 100_000_000L;
    public static final int THUMB_SIZE = 320;

    private ImageProbe() {
    }

    /**
     * {width, height} as the image is shown (a phone photo stored sideways with an EXIF orientation of 90° reports
     * its upright size), or null when no installed reader can decode the file.
     */
    public static int[] dimensions(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(in);
            if (reader == null) {
                return null;
            }
            try {
                reader.setInput(in, true, false);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                return quarterTurned(orientation(reader)) ? new int[] {h, w} : new int[] {w, h};
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * Writes a JPEG thumbnail (at most {@link #THUMB_SIZE} px each side) of {@code file} to {@code target}, turned
     * upright by the photo's EXIF orientation: phones store portrait photos sideways and only record how to turn them.
     */
    public static void thumbnail(Path file, Path target) throws IOException {
        BufferedImage source;
        Orientation orientation;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(in);
            if (reader == null) {
                throw new IOException("no image reader");
            }
            try {
                reader.setInput(in, true, false);
                orientation = orientation(reader);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.min(w, h) / (THUMB_SIZE * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                source = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
        BufferedImage rgb = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, null);
        g.dispose();
        if (orientation != null && orientation != Orientation.TOP_LEFT) {
            rgb = ExifFilterUtils.getFilterForOrientation(orientation).apply(rgb);
        }
        Path tmp = Files.createTempFile(target.getParent(), "thumb", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            Thumbnails.of(rgb).size(THUMB_SIZE, THUMB_SIZE).outputFormat("jpg").outputQuality(0.8).toOutputStream(out);
        }
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The EXIF orientation of a JPEG, or null when there is none or it cannot be read (then nothing is turned). */
    static Orientation orientation(ImageReader reader) {
        try {
            return ExifUtils.getExifOrientation(reader, 0);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean quarterTurned(Orientation o) {
        return o == Orientation.LEFT_TOP || o == Orientation.RIGHT_TOP || o == Orientation.RIGHT_BOTTOM
                || o == Orientation.LEFT_BOTTOM;
    }

    private static ImageReader reader(ImageInputStream in) {
        if (in == null) {
            return null;
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        return readers.hasNext() ? readers.next() : null;
    }
}
