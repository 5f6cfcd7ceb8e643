package org.imageproc.metadata;

import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.bmp.BmpHeaderDirectory;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.gif.GifHeaderDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.webp.WebpDirectory;
import org.imageproc.imaging.ImageFormat;

/** An image's size in pixels as declared by its header; 0 x 0 when the header does not say. */
record PixelSize(int width, int height) {

    private static final PixelSize UNKNOWN = new PixelSize(0, 0);

    static PixelSize declared(ImageFormat format, Metadata metadata) {
        return switch (format) {
            case JPEG -> find(metadata, JpegDirectory.class, JpegDirectory.TAG_IMAGE_WIDTH, JpegDirectory.TAG_IMAGE_HEIGHT);
            case PNG -> find(metadata, PngDirectory.class, PngDirectory.TAG_IMAGE_WIDTH, PngDirectory.TAG_IMAGE_HEIGHT);
            case GIF -> find(metadata, GifHeaderDirectory.class,
                    GifHeaderDirectory.TAG_IMAGE_WIDTH, GifHeaderDirectory.TAG_IMAGE_HEIGHT);
            case WEBP -> find(metadata, WebpDirectory.class, WebpDirectory.TAG_IMAGE_WIDTH, WebpDirectory.TAG_IMAGE_HEIGHT);
            case TIFF -> find(metadata, ExifIFD0Directory.class,
                    ExifIFD0Directory.TAG_IMAGE_WIDTH, ExifIFD0Directory.TAG_IMAGE_HEIGHT);
            case BMP -> find(metadata, BmpHeaderDirectory.class,
                    BmpHeaderDirectory.TAG_IMAGE_WIDTH, BmpHeaderDirectory.TAG_IMAGE_HEIGHT);
            // HEIF's first 'ispe' box is often one tile of a grid, not the picture: better unknown than wrong
            case HEIC, AVIF, UNKNOWN -> UNKNOWN;
        };
    }

    /** The size as displayed: EXIF orientations 5 to 8 turn the picture a quarter, swapping width and height. */
    PixelSize oriented(Integer orientation) {
        return orientation != null && orientation >= 5 ? new PixelSize(height, width) : this;
    }

    private static PixelSize find(Metadata metadata, Class<? extends Directory> type, int widthTag, int heightTag) {
        for (Directory directory : metadata.getDirectoriesOfType(type)) {
            Integer width = directory.getInteger(widthTag);
            Integer height = directory.getInteger(heightTag);
            if (width != null && height != null) {
                // a bottom-up BMP declares a negative height
                return new PixelSize(Math.abs(width), Math.abs(height));
            }
        }
        return UNKNOWN;
    }
}
