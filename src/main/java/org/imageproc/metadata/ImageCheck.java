package org.imageproc.metadata;

/** STUB until the image check lands. */
public final class ImageCheck {
    public ImageCheck(long maxPixels) { }
    public void check(ImageMetadata m) { }
}
