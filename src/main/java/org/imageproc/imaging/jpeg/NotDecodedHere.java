package org.imageproc.imaging.jpeg;

/** Says the DCT-domain decoder leaves this JPEG to ImageIO: a kind it does not handle, or data it finds damaged. */
final class NotDecodedHere extends Exception {

    private static final long serialVersionUID = 1L;

    NotDecodedHere(String reason) {
        // thrown on every unusual file and caught at once: a stack trace would only cost time
        super(reason, null, false, false);
    }
}
