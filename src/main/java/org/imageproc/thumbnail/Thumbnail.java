package org.imageproc.thumbnail;

import java.util.List;

/** An encoded thumbnail with its pixel size; warnings say what was wrong with the source pixels, if anything. */
public record Thumbnail(byte[] bytes, String contentType, int width, int height, List<String> warnings) {
}
