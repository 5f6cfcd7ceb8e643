package org.imageproc.metadata;

import com.drew.lang.Rational;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import java.util.List;

/** Turns the EXIF GPS tags into signed decimal degrees, refusing positions that cannot be trusted. */
final class GpsPosition {

    /** The two EXIF coordinates: magnitude tag, reference tag and the references meaning + and -. */
    private enum Axis {
        LATITUDE("latitude", GpsDirectory.TAG_LATITUDE, GpsDirectory.TAG_LATITUDE_REF, "N", "S", 90),
        LONGITUDE("longitude", GpsDirectory.TAG_LONGITUDE, GpsDirectory.TAG_LONGITUDE_REF, "E", "W", 180);

        private final String label;
        private final int valueTag;
        private final int refTag;
        private final String positiveRef;
        private final String negativeRef;
        private final double limit;

        Axis(String label, int valueTag, int refTag, String positiveRef, String negativeRef, double limit) {
            this.label = label;
            this.valueTag = valueTag;
            this.refTag = refTag;
            this.positiveRef = positiveRef;
            this.negativeRef = negativeRef;
            this.limit = limit;
        }
    }

    private GpsPosition() {
    }

    static GeoLocation from(Metadata metadata, List<String> warnings) {
        GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
        if (gps == null || !gps.containsTag(GpsDirectory.TAG_LATITUDE) && !gps.containsTag(GpsDirectory.TAG_LONGITUDE)) {
            return null;
        }
        Double latitude = coordinate(gps, Axis.LATITUDE, warnings);
        Double longitude = latitude == null ? null : coordinate(gps, Axis.LONGITUDE, warnings);
        if (longitude == null) {
            return null;
        }
        if (latitude == 0 && longitude == 0) {
            // kept as recorded (exiftool agrees), but flagged: devices without a fix write 0,0 too
            warnings.add("The GPS position is exactly 0, 0, which devices also record when they have no fix");
        }
        return new GeoLocation(latitude, longitude, altitude(gps, warnings));
    }

    private static Double coordinate(GpsDirectory gps, Axis axis, List<String> warnings) {
        String name = axis.label;
        Rational[] parts = gps.getRationalArray(axis.valueTag);
        if (parts == null || parts.length == 0 || parts.length > 3) {
            warnings.add("The GPS " + name + " is missing or not in degrees, minutes and seconds; no position was kept");
            return null;
        }
        double degrees = 0;
        double unit = 1;
        for (Rational part : parts) {
            if (part.getDenominator() == 0) {
                warnings.add("The GPS " + name + " contains a fraction with a zero denominator (" + part
                        + "); no position was kept");
                return null;
            }
            degrees += part.doubleValue() / unit;
            unit *= 60;
        }
        String ref = gps.getString(axis.refTag);
        ref = ref == null ? "" : ref.trim();
        if (!ref.equals(axis.positiveRef) && !ref.equals(axis.negativeRef)) {
            warnings.add("The GPS " + name + " has no " + axis.positiveRef + "/" + axis.negativeRef
                    + " reference ('" + ref + "'); no position was kept");
            return null;
        }
        if (degrees < 0 || degrees > axis.limit) {
            warnings.add("The GPS " + name + " " + degrees + " is out of range; no position was kept");
            return null;
        }
        return ref.equals(axis.negativeRef) ? -degrees : degrees;
    }

    private static Double altitude(GpsDirectory gps, List<String> warnings) {
        Rational altitude = gps.getRational(GpsDirectory.TAG_ALTITUDE);
        if (altitude == null) {
            return null;
        }
        if (altitude.getDenominator() == 0) {
            warnings.add("The GPS altitude has a zero denominator (" + altitude + ") and was ignored");
            return null;
        }
        Integer ref = gps.getInteger(GpsDirectory.TAG_ALTITUDE_REF);
        boolean belowSeaLevel = ref != null && ref == 1;
        return belowSeaLevel ? -altitude.doubleValue() : altitude.doubleValue();
    }
}
