package org.imageproc.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.imageproc.imaging.jpeg.DctScaledJpeg;
import org.imageproc.run.FailureCode;
import org.imageproc.run.ImageRejectedException;

/**
 * Decodes an image shrunk on load, so a 12 MP photo never needs 12 MP of heap: a JPEG scaled in the DCT domain
 * where it can be, else every n-th pixel of every n-th row; decoder warnings are kept, decoder failures become a
 * rejection.
 */
public final class SubsampledReader implements AutoCloseable {

    private final byte[] bytes;
    private final ImageFormat format;
    private final ImageInputStream input;
    private final ImageReader reader;
    private final DecoderWarnings warnings = new DecoderWarnings();

    private SubsampledReader(byte[] bytes, ImageFormat format, ImageInputStream input, ImageReader reader) {
        this.bytes = bytes;
        this.format = format;
        this.input = input;
        this.reader = reader;
        // metadata is not needed here and costs heap for large EXIF blocks
        reader.setInput(input, true, true);
        reader.addIIOReadWarningListener(warnings);
    }

    public static SubsampledReader open(byte[] bytes, ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name());
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO decoder for " + format.displayName());
        }
        ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes));
        return new SubsampledReader(bytes, format, input, readers.next());
    }

    /** The stored pixel size, from the header. */
    public Size size() {
        try {
            return new Size(reader.getWidth(0), reader.getHeight(0));
        } catch (IOException | RuntimeException e) {
            throw undecodable(e);
        }
    }

    /** The pixels, keeping one pixel in {@code step} along each axis. */
    public BufferedImage read(int step) {
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        try {
            return reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            throw undecodable(e);
        }
    }

    /**
     * Pixels at least as large as {@code target} along both axes: a JPEG that the DCT decoder takes (clean, 8-bit
     * Huffman, grey or colour) at exactly the target size, decoded at the smallest of 1/8, 1/4 or 1/2 that covers it
     * and area-averaged from its planes; otherwise {@link #read(int)} with the step that leaves twice the target.
     */
    public BufferedImage readAtLeast(Size target) {
        Size stored = size();
        int denominator = dctDenominator(stored, target);
        if (denominator > 0) {
            Optional<BufferedImage> scaled = DctScaledJpeg.decode(bytes, denominator, target.width(), target.height());
            if (scaled.isPresent()) {
                return scaled.get();
            }
        }
        return read(stored.subsamplingFor(target));
    }

    /**
     * The heap {@link #readAtLeast} holds at once if the DCT decoder takes the file (a progressive JPEG's
     * coefficients can outweigh the subsampled read's pixels); 0 when it would go to ImageIO at once.
     */
    public long dctBytesNeeded(Size target) {
        int denominator = dctDenominator(size(), target);
        return denominator == 0 ? 0 : DctScaledJpeg.bytesNeeded(bytes, denominator, target.width(), target.height());
    }

    /** The smallest DCT scale that covers the target, 0 for none (or not a JPEG). */
    private int dctDenominator(Size stored, Size target) {
        if (format == ImageFormat.JPEG) {
            for (int denominator : DctScaledJpeg.DENOMINATORS) {
                if (stored.scaledDown(denominator).covers(target)) {
                    return denominator;
                }
            }
        }
        return 0;
    }

    public List<String> warnings() {
        return warnings.messages();
    }

    @Override
    public void close() {
        reader.dispose();
        try {
            input.close();
        } catch (IOException e) {
            // closing a stream over a byte array cannot fail in a way that matters
        }
    }

    private RuntimeException undecodable(Exception cause) {
        // the PNG reader wraps even an OutOfMemoryError in an IIOException: no damage, and worth a retry
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return new IllegalStateException("Not enough memory to decode the " + format.displayName()
                        + " image right now", cause);
            }
        }
        return new ImageRejectedException(FailureCode.CORRUPT_IMAGE,
                "The " + format.displayName() + " pixel data cannot be decoded; the file is damaged ("
                        + cause.getMessage() + ")", cause);
    }
}
