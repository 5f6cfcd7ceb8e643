package org.imageproc.imaging;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * An image decoded once for a run: upright, at the smallest size that serves both the thumbnail and label detection.
 *
 * @param pixels    the upright pixels, no larger than the decode asked for (never enlarged)
 * @param displayed the original's size as a person sees it (after its EXIF orientation)
 * @param warnings  what was wrong with the file or its pixels, in plain words (damaged PNG chunks, decoder warnings)
 */
public record WorkingImage(BufferedImage pixels, Size displayed, List<String> warnings) {

    public WorkingImage {
        warnings = List.copyOf(warnings);
    }

    /** Whether the pixels carry transparency. */
    public boolean hasAlpha() {
        return pixels.getColorModel().hasAlpha();
    }
}
