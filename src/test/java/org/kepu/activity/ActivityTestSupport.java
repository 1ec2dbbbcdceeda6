package org.kepu.activity;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.kepu.TestFixtures;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.KeyGroup;

/** Helpers for activity tests: unique names, inputs, running code as a user, small unique images. */
final class ActivityTestSupport {

    private ActivityTestSupport() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ActivityInput input(String title, String division) {
        return input(title, division, null);
    }

    static ActivityInput input(String title, String division, Long unit) {
        LocalDateTime start = LocalDateTime.of(2026, 5, 20, 9, 0);
        return new ActivityInput(title, "SCI_TECH_WEEK", "LECTURE", List.of(KeyGroup.YOUTH), start,
                start.plusHours(2), division, unit, List.of(), 120, 0, 50, 6, null, "测试活动内容");
    }

    static <T> T as(CurrentUser user, Supplier<T> body) {
        AtomicReference<T> result = new AtomicReference<>();
        TestFixtures.runAs(user, () -> result.set(body.get()));
        return result.get();
    }

    static void run(CurrentUser user, Runnable body) {
        TestFixtures.runAs(user, body);
    }

    /** A PNG whose pixels are random, so that its hash is new in the shared test database. */
    static byte[] uniquePng(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                img.setRGB(x, y, new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)).getRGB());
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
