package org.imageproc.imaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Recognises an image format from the magic numbers at the start of the bytes. */
final class FormatSniffer {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] TIFF_INTEL = {'I', 'I', '*', 0};
    private static final byte[] TIFF_MOTOROLA = {'M', 'M', 0, '*'};
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "mif1", "msf1", "hevc");
    /** A BMP file header (14 bytes) plus the smallest info header (12 bytes). */
    private static final int MIN_BMP_LENGTH = 26;

    private FormatSniffer() {
    }

    static ImageFormat sniff(byte[] data) {
        if (startsWith(data, 0, JPEG)) {
            return ImageFormat.JPEG;
        }
        if (startsWith(data, 0, PNG)) {
            return ImageFormat.PNG;
        }
        if (ascii(data, 0, "GIF87a") || ascii(data, 0, "GIF89a")) {
            return ImageFormat.GIF;
        }
        if (ascii(data, 0, "RIFF") && ascii(data, 8, "WEBP")) {
            return ImageFormat.WEBP;
        }
        if (ascii(data, 4, "ftyp")) {
            return isoMediaFormat(data);
        }
        if (startsWith(data, 0, TIFF_INTEL) || startsWith(data, 0, TIFF_MOTOROLA)) {
            return ImageFormat.TIFF;
        }
        if (ascii(data, 0, "BM") && data.length >= MIN_BMP_LENGTH) {
            return ImageFormat.BMP;
        }
        return ImageFormat.UNKNOWN;
    }

    /**
     * An ISO-BMFF file names its brands in the ftyp box: the major brand, a minor version, then compatible brands.
     * AVIF files often list the generic HEIF brand mif1 as well, so AVIF brands win.
     */
    private static ImageFormat isoMediaFormat(byte[] data) {
        int boxEnd = Math.min(data.length, readInt(data, 0));
        List<String> brands = new ArrayList<>();
        for (int offset = 8; offset + 4 <= boxEnd; offset += offset == 8 ? 8 : 4) {
            brands.add(new String(data, offset, 4, StandardCharsets.ISO_8859_1));
        }
        if (brands.stream().anyMatch(AVIF_BRANDS::contains)) {
            return ImageFormat.AVIF;
        }
        return brands.stream().anyMatch(HEIC_BRANDS::contains) ? ImageFormat.HEIC : ImageFormat.UNKNOWN;
    }

    private static int readInt(byte[] data, int offset) {
        return (data[offset] & 0xFF) << 24 | (data[offset + 1] & 0xFF) << 16
                | (data[offset + 2] & 0xFF) << 8 | data[offset + 3] & 0xFF;
    }

    private static boolean ascii(byte[] data, int offset, String text) {
        return startsWith(data, offset, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (data.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
