package org.imageproc.imaging;

/** The image formats the service recognises by content; only JPEG and PNG are processed. */
public enum ImageFormat {
    JPEG("JPEG", "image/jpeg", true),
    PNG("PNG", "image/png", true),
    GIF("GIF", "image/gif", false),
    WEBP("WebP", "image/webp", false),
    HEIC("HEIC", "image/heic", false),
    AVIF("AVIF", "image/avif", false),
    TIFF("TIFF", "image/tiff", false),
    BMP("BMP", "image/bmp", false),
    UNKNOWN("unknown", "application/octet-stream", false);

    private final String displayName;
    private final String mimeType;
    private final boolean supported;

    ImageFormat(String displayName, String mimeType, boolean supported) {
        this.displayName = displayName;
        this.mimeType = mimeType;
        this.supported = supported;
    }

    public String displayName() {
        return displayName;
    }

    public String mimeType() {
        return mimeType;
    }

    public boolean supported() {
        return supported;
    }

    /** Detects the format from the first bytes (magic numbers), never from a file name. */
    public static ImageFormat detect(byte[] data) {
        return data == null ? UNKNOWN : FormatSniffer.sniff(data);
    }
}
