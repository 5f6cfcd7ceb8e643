package org.imageproc.thumbnail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.imageproc.imaging.ImageFormat;

/** Encodes a thumbnail in the source's format: JPEG at quality 0.85, PNG losslessly. */
final class ThumbnailEncoder {

    private static final float JPEG_QUALITY = 0.85f;

    private ThumbnailEncoder() {
    }

    static byte[] encode(BufferedImage image, ImageFormat format) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format.name()).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            writer.write(null, new IIOImage(image, null, null), parameters(writer, format));
        } catch (IOException e) {
            throw new UncheckedIOException("Encoding a " + format.displayName() + " thumbnail in memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static ImageWriteParam parameters(ImageWriter writer, ImageFormat format) {
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (format == ImageFormat.JPEG) {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
        }
        return param;
    }
}
