package org.imageproc.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Small photo-like JPEGs made in memory (a gradient sky, soft shapes), each different, the same on every run: smooth
 * enough that the local detector looks at them instead of dismissing them as noise.
 */
final class GeneratedPhotos {

    private static final float QUALITY = 0.85f;

    private GeneratedPhotos() {
    }

    /** {@code count} JPEGs of 640×480 to 1280×960 pixels, made from seed 0, 1, 2... */
    static List<byte[]> make(int count) throws IOException {
        List<byte[]> photos = new ArrayList<>(count);
        for (int seed = 0; seed < count; seed++) {
            photos.add(jpeg(picture(new Random(seed))));
        }
        return photos;
    }

    private static BufferedImage picture(Random random) {
        int width = 640 + 160 * random.nextInt(5);
        int height = width * 3 / 4;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, colour(random), 0, height, colour(random)));
        g.fillRect(0, 0, width, height);
        for (int shape = 0, shapes = 4 + random.nextInt(8); shape < shapes; shape++) {
            int w = width / 10 + random.nextInt(width / 3);
            int h = height / 10 + random.nextInt(height / 3);
            int x = random.nextInt(width - w);
            int y = random.nextInt(height - h);
            g.setPaint(new GradientPaint(x, y, colour(random), x + w, y + h, colour(random)));
            if (random.nextBoolean()) {
                g.fillOval(x, y, w, h);
            } else {
                g.fillRoundRect(x, y, w, h, w / 4, h / 4);
            }
        }
        g.dispose();
        return image;
    }

    private static Color colour(Random random) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
