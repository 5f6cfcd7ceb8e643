package org.imageproc.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.common.RationalNumber;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.GpsTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryType;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.taginfos.TagInfoAscii;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Writes chosen EXIF tags into a JPEG (with Apache Commons Imaging), as a camera or phone would. */
public final class ExifBuilder {

    /** Commons Imaging 1.0.0-alpha6 has no constants for the EXIF 2.31 time-zone tags. */
    private static final TagInfoAscii OFFSET_TIME =
            new TagInfoAscii("OffsetTime", 0x9010, 7, TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);
    private static final TagInfoAscii OFFSET_TIME_ORIGINAL =
            new TagInfoAscii("OffsetTimeOriginal", 0x9011, 7, TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);

    /** Each step adds tags to the output set. */
    private interface Step {
        void apply(TiffOutputSet exif) throws ImagingException;
    }

    private final List<Step> steps = new ArrayList<>();

    public ExifBuilder make(String make) {
        return add(exif -> exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, make));
    }

    public ExifBuilder model(String model) {
        return add(exif -> exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MODEL, model));
    }

    /** @param orientation written as is, so invalid values such as 0 can be tested too */
    public ExifBuilder orientation(int orientation) {
        return add(exif -> exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION,
                (short) orientation));
    }

    /** @param exifText in EXIF's own form, {@code 2011:01:13 14:33:39} */
    public ExifBuilder dateTimeOriginal(String exifText) {
        return add(exif -> exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, exifText));
    }

    public ExifBuilder offsetTimeOriginal(String offset) {
        return add(exif -> exif.getOrCreateExifDirectory().add(OFFSET_TIME_ORIGINAL, offset));
    }

    public ExifBuilder offsetTime(String offset) {
        return add(exif -> exif.getOrCreateExifDirectory().add(OFFSET_TIME, offset));
    }

    /** Signed decimal degrees; the N/S and E/W references are derived from the signs. */
    public ExifBuilder gps(double latitude, double longitude) {
        return add(exif -> exif.setGpsInDegrees(longitude, latitude));
    }

    /** @param metres negative means below sea level (AltitudeRef 1) */
    public ExifBuilder altitude(double metres) {
        return add(exif -> {
            var gps = exif.getOrCreateGpsDirectory();
            gps.add(GpsTagConstants.GPS_TAG_GPS_ALTITUDE, RationalNumber.valueOf(Math.abs(metres)));
            gps.add(GpsTagConstants.GPS_TAG_GPS_ALTITUDE_REF, (byte) (metres < 0
                    ? GpsTagConstants.GPS_TAG_GPS_ALTITUDE_REF_VALUE_BELOW_SEA_LEVEL
                    : GpsTagConstants.GPS_TAG_GPS_ALTITUDE_REF_VALUE_ABOVE_SEA_LEVEL));
        });
    }

    /**
     * GPS coordinates written fraction by fraction, to reproduce broken files.
     *
     * @param latitude  degrees, minutes, seconds as fractions, e.g. {@code "48/1 53/1 0/0"}
     * @param longitude likewise
     */
    public ExifBuilder rawGps(String latitudeRef, String latitude, String longitudeRef, String longitude) {
        return add(exif -> {
            var gps = exif.getOrCreateGpsDirectory();
            gps.add(GpsTagConstants.GPS_TAG_GPS_LATITUDE_REF, latitudeRef);
            gps.add(GpsTagConstants.GPS_TAG_GPS_LATITUDE, fractions(latitude));
            gps.add(GpsTagConstants.GPS_TAG_GPS_LONGITUDE_REF, longitudeRef);
            gps.add(GpsTagConstants.GPS_TAG_GPS_LONGITUDE, fractions(longitude));
        });
    }

    /** The JPEG with these tags as its EXIF block; the pixels are copied untouched. */
    public byte[] writeInto(byte[] jpeg) {
        TiffOutputSet exif = new TiffOutputSet();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Step step : steps) {
                step.apply(exif);
            }
            new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private ExifBuilder add(Step step) {
        steps.add(step);
        return this;
    }

    private static RationalNumber[] fractions(String text) {
        return Arrays.stream(text.trim().split("\\s+"))
                .map(fraction -> fraction.split("/"))
                .map(parts -> new RationalNumber(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])))
                .toArray(RationalNumber[]::new);
    }
}
