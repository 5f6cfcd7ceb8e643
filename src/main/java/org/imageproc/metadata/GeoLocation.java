package org.imageproc.metadata;

/** A GPS position in signed decimal degrees (south and west negative); altitude in metres, null when absent. */
public record GeoLocation(double latitude, double longitude, Double altitude) {
}
