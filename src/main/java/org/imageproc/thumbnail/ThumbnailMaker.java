package org.imageproc.thumbnail;

import org.imageproc.metadata.ImageFormat;

/** STUB until the thumbnail maker lands. */
public final class ThumbnailMaker {
    public ThumbnailMaker(int maxSize) { }
    public Thumbnail make(byte[] bytes, ImageFormat format, Integer orientation) { throw new UnsupportedOperationException("stub"); }
}
