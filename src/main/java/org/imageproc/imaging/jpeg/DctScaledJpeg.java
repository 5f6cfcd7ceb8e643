package org.imageproc.imaging.jpeg;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

/**
 * Decodes a JPEG at 1/8, 1/4 or 1/2 scale in the DCT domain (DC coefficients only, or a 2x2 / 4x4 inverse DCT), so
 * a 12 MP photo never exists at full size; empty when the file is of a kind or in a state that ImageIO must handle.
 */
public final class DctScaledJpeg {

    private DctScaledJpeg() {
    }

    /** The scale denominators this decoder offers, smallest rendition first. */
    public static final List<Integer> DENOMINATORS = List.of(8, 4, 2);

    /** The pixels at 1/{@code denominator} of the stored size (rounded up), or empty. */
    public static Optional<BufferedImage> decode(byte[] jpeg, int denominator) {
        return decode(jpeg, denominator, 0, 0);
    }

    /**
     * The most heap a decode at 1/{@code denominator} to {@code width} x {@code height} holds at once, from the frame
     * header: the samples at the decoded scale, a progressive JPEG's kept coefficients and non-zero bits, and the
     * output; 0 when the header is not one this decoder takes. A 12 MP (4032x3024) 4:2:0 progressive JPEG at 1/4
     * to 832x624 needs 7.8 MB, a baseline one 3.2 MB.
     */
    public static long bytesNeeded(byte[] jpeg, int denominator, int width, int height) {
        try {
            long planes = FrameHeader.bytesNeeded(jpeg, 8 / denominator);
            return planes == 0 ? 0 : planes + 4L * width * height;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /**
     * The pixels at 1/{@code denominator} of the stored size, resampled from the decoded planes to {@code width} x
     * {@code height} (area averaging; no larger than the decoded size), or empty; 0 x 0 for the decoded size.
     */
    public static Optional<BufferedImage> decode(byte[] jpeg, int denominator, int width, int height) {
        if (denominator != 2 && denominator != 4 && denominator != 8) {
            throw new IllegalArgumentException("A JPEG scales in the DCT domain by 1/2, 1/4 or 1/8, not 1/" + denominator);
        }
        try {
            return Optional.of(new JpegDecoder(jpeg, 8 / denominator, width, height).decode());
        } catch (NotDecodedHere | RuntimeException e) {
            // a header this decoder misreads is damaged for ImageIO too, which then says so in its own words
            return Optional.empty();
        }
    }
}
