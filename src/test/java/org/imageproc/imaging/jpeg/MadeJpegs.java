package org.imageproc.imaging.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Test JPEGs made with ImageIO's writer (any sampling, restart interval, baseline or progressive), and ImageIO's word on them. */
final class MadeJpegs {

    private MadeJpegs() {
    }

    /** A different ramp or wave in each channel, so a misplaced block or swapped channel shows. */
    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 255 * x / width;
                int g = 255 * y / height;
                int b = (int) (128 + 100 * Math.sin(x / 50.0 + y / 70.0));
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    /**
     * The same ramps with noise and hard-edged stripes on top: many non-zero AC coefficients at every frequency, so
     * progressive scans carry long bands, end-of-band runs and correction bits.
     */
    static BufferedImage textured(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = picture(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                int stripe = (x / 7 + y / 11) % 3 == 0 ? 40 : 0;
                int r = clamp((rgb >> 16 & 0xFF) + random.nextInt(17) - 8 + stripe);
                int g = clamp((rgb >> 8 & 0xFF) + random.nextInt(17) - 8);
                int b = clamp((rgb & 0xFF) + random.nextInt(17) - 8 - stripe);
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    /** The luma of {@link #textured} as a greyscale image. */
    static BufferedImage grey(BufferedImage colour) {
        BufferedImage grey = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(colour, 0, 0, null);
        return grey;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    /**
     * A JPEG from ImageIO's writer with the luma sampling factors, restart interval and process asked for (the
     * sampling factors are ignored for a grey image).
     */
    static byte[] encode(BufferedImage image, int h, int v, int restartInterval, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    param);
            String format = "javax_imageio_jpeg_image_1.0";
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
            var specs = root.getElementsByTagName("componentSpec");
            if (specs.getLength() == 3) {
                IIOMetadataNode luma = (IIOMetadataNode) specs.item(0);
                luma.setAttribute("HsamplingFactor", Integer.toString(h));
                luma.setAttribute("VsamplingFactor", Integer.toString(v));
                for (int i = 1; i < 3; i++) {
                    IIOMetadataNode chroma = (IIOMetadataNode) specs.item(i);
                    chroma.setAttribute("HsamplingFactor", "1");
                    chroma.setAttribute("VsamplingFactor", "1");
                }
            }
            if (restartInterval > 0) {
                IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", Integer.toString(restartInterval));
                markers.insertBefore(dri, markers.getFirstChild());
            }
            metadata.setFromTree(format, root);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, metadata), param);
            }
            byte[] jpeg = bytes.toByteArray();
            assertThat(hasMarker(jpeg, 0xC2)).as("progressive").isEqualTo(progressive);
            assertThat(hasMarker(jpeg, 0xDD)).as("restart interval").isEqualTo(restartInterval > 0);
            return jpeg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    static boolean hasMarker(byte[] jpeg, int marker) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
                return true;
            }
        }
        return false;
    }

    /** What ImageIO says when it decodes a whole file: its warnings, or null when it fails. */
    static List<String> imageIoWarnings(byte[] jpeg) {
        List<String> warnings = new ArrayList<>();
        ImageReader reader = ImageIO.getImageReadersByFormatName("JPEG").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            reader.read(0);
            return warnings;
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            reader.dispose();
        }
    }
}
