package org.kepu.evidence.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/** The generic thumbnail of PDF files: a page with a folded corner and a red band, drawn without fonts. */
public final class PdfIcon {

    private PdfIcon() {
    }

    public static void write(Path target) throws IOException {
        int s = ImageProbe.THUMB_SIZE;
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xF1, 0xF3, 0xF5));
        g.fillRect(0, 0, s, s);
        int[] xs = {80, 200, 240, 240, 80};
        int[] ys = {40, 40, 80, 280, 280};
        g.setColor(Color.WHITE);
        g.fillPolygon(xs, ys, 5);
        g.setColor(new Color(0x6C, 0x75, 0x7D));
        g.setStroke(new BasicStroke(4));
        g.drawPolygon(xs, ys, 5);
        g.drawPolyline(new int[] {200, 200, 240}, new int[] {40, 80, 80}, 3);
        g.setColor(new Color(0xDC, 0x35, 0x45));
        g.fillRect(60, 170, 160, 56);
        g.setColor(new Color(0xAD, 0xB5, 0xBD));
        for (int y = 110; y < 160; y += 16) {
            g.fillRect(104, y, 112, 6);
        }
        for (int y = 240; y < 270; y += 16) {
            g.fillRect(104, y, 112, 6);
        }
        g.dispose();
        Path tmp = Files.createTempFile(target.getParent(), "icon", ".tmp");
        ImageIO.write(img, "jpg", tmp.toFile());
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
