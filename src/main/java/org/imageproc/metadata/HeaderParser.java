package org.imageproc.metadata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.bmp.BmpMetadataReader;
import com.drew.imaging.gif.GifMetadataReader;
import com.drew.imaging.heif.HeifMetadataReader;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegSegmentMetadataReader;
import com.drew.imaging.png.PngMetadataReader;
import com.drew.imaging.tiff.TiffMetadataReader;
import com.drew.imaging.webp.WebpMetadataReader;
import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Directory;
import com.drew.metadata.ErrorDirectory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.jpeg.JpegReader;
import org.imageproc.imaging.ImageFormat;

/** Runs the one metadata-extractor reader that fits the format, and turns its complaints into warnings. */
final class HeaderParser {

    /** Only the frame header (dimensions) and EXIF: XMP, ICC, IPTC and the rest are never parsed. */
    private static final List<JpegSegmentMetadataReader> JPEG_READERS = List.of(new JpegReader(), new ExifReader());

    private HeaderParser() {
    }

    static Metadata parse(ImageFormat format, byte[] bytes, List<String> warnings) {
        Metadata metadata;
        try {
            metadata = read(format, bytes);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            warnings.add("The " + format.displayName() + " headers could not be read (" + e.getMessage() + ")");
            return new Metadata();
        }
        for (Directory directory : metadata.getDirectories()) {
            for (String error : directory.getErrors()) {
                warnings.add(describe(directory, error));
            }
        }
        return metadata;
    }

    private static Metadata read(ImageFormat format, byte[] bytes) throws ImageProcessingException, IOException {
        InputStream in = new ByteArrayInputStream(bytes);
        return switch (format) {
            case JPEG -> JpegMetadataReader.readMetadata(in, JPEG_READERS);
            case PNG -> PngMetadataReader.readMetadata(in);
            case GIF -> GifMetadataReader.readMetadata(in);
            case WEBP -> WebpMetadataReader.readMetadata(in);
            case HEIC, AVIF -> HeifMetadataReader.readMetadata(in);
            case TIFF -> TiffMetadataReader.readMetadata(new ByteArrayReader(bytes));
            case BMP -> BmpMetadataReader.readMetadata(in);
            case UNKNOWN -> new Metadata();
        };
    }

    private static String describe(Directory directory, String error) {
        if (directory instanceof ErrorDirectory) {
            return "The EXIF metadata is malformed and was ignored (" + error + ")";
        }
        return "Part of the " + directory.getName() + " metadata could not be read (" + error + ")";
    }
}
