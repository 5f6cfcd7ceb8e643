package org.imageproc.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Encodes pixels in memory as a JPEG of a given quality, or losslessly as a PNG. */
public final class ImageEncoder {

    // a writer is costly to make and not thread-safe: each thread keeps its own, reset after each image
    private static final ThreadLocal<ImageWriter> JPEG_WRITER =
            ThreadLocal.withInitial(() -> ImageIO.getImageWritersByFormatName("jpeg").next());

    private ImageEncoder() {
    }

    /** @param jpegQuality 0-1, used for JPEG only */
    public static byte[] encode(BufferedImage image, ImageFormat format, float jpegQuality) {
        boolean jpeg = format == ImageFormat.JPEG;
        ImageWriter writer = jpeg ? JPEG_WRITER.get() : ImageIO.getImageWritersByFormatName(format.name()).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (jpeg) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(jpegQuality);
            }
            writer.write(null, new IIOImage(jpeg ? interleaved(image) : image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("Encoding a " + format.displayName() + " image in memory failed", e);
        } finally {
            if (jpeg) {
                writer.reset();
            } else {
                writer.dispose();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Packed RGB as interleaved bytes, which the JPEG writer copies a row at a time; from packed ints it goes
     * through a generic per-pixel path that allocates on every row. The encoded bytes are the same.
     */
    private static BufferedImage interleaved(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        int width = image.getWidth();
        BufferedImage bgr = new BufferedImage(width, image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] to = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        int[] row = new int[width];
        for (int y = 0, o = 0; y < image.getHeight(); y++) {
            image.getRaster().getDataElements(0, y, width, 1, row);
            for (int x = 0; x < width; x++, o += 3) {
                int rgb = row[x];
                to[o] = (byte) rgb;
                to[o + 1] = (byte) (rgb >> 8);
                to[o + 2] = (byte) (rgb >> 16);
            }
        }
        return bgr;
    }
}
