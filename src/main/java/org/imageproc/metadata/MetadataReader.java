package org.imageproc.metadata;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import com.drew.metadata.Metadata;
import org.apache.camel.Handler;
import org.apache.camel.Variable;
import org.imageproc.imaging.ImageFormat;
import org.imageproc.run.Variables;
import org.imageproc.storage.StoredImage;

/** Reads what the service needs to know about an image from its bytes and headers, never decoding pixels. */
public final class MetadataReader {

    /** The extract-metadata step: the metadata of the image read earlier. */
    @Handler
    public ImageMetadata read(@Variable(Variables.IMAGE) StoredImage image) {
        return read(image.bytes());
    }

    /**
     * Never throws for bad content: empty or unrecognised bytes give format UNKNOWN, damaged metadata gives
     * warnings and whatever could still be read.
     */
    public ImageMetadata read(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        ImageFormat format = ImageFormat.detect(bytes);
        List<String> warnings = new ArrayList<>();
        Metadata metadata = HeaderParser.parse(format, bytes, warnings);
        ExifFields exif = ExifFields.from(metadata, warnings);
        GeoLocation geo = GpsPosition.from(metadata, warnings);
        PixelSize size = PixelSize.declared(format, metadata).oriented(exif.orientation());
        return new ImageMetadata(format, size.width(), size.height(), bytes.length,
                exif.make(), exif.model(), exif.creationTime(), exif.creationTimeOffset(),
                geo, exif.orientation(), sha256(bytes), List.copyOf(warnings));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
