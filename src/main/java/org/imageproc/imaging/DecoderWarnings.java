package org.imageproc.imaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;

/** Collects what an ImageIO decoder complains about while still producing pixels, rephrased for people. */
final class DecoderWarnings implements IIOReadWarningListener {

    private final List<String> messages = new ArrayList<>();

    @Override
    public void warningOccurred(ImageReader source, String warning) {
        String message = plainWords(warning);
        if (!messages.contains(message)) {
            messages.add(message);
        }
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    private static String plainWords(String warning) {
        String text = warning == null ? "" : warning;
        String lowerCase = text.toLowerCase(Locale.ROOT);
        // libjpeg says "premature end" (of the file, or of a data segment), the JDK adds "Truncated File"
        if (lowerCase.contains("premature end") || lowerCase.startsWith("truncated file")) {
            return "The JPEG data ends early; the lower part of the image may be grey";
        }
        if (text.startsWith("Corrupt JPEG data")) {
            return "The JPEG data is partly corrupt; parts of the image may look wrong";
        }
        if (text.contains("color profile is invalid")) {
            return "The embedded colour profile is invalid and was ignored; colours may be slightly off";
        }
        return "The image decoder reported a problem: " + text;
    }
}
