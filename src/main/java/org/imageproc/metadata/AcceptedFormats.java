package org.imageproc.metadata;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.imageproc.imaging.ImageFormat;

/** The image formats this deployment processes (imageproc.formats): a subset of those the service can decode. */
public record AcceptedFormats(Set<ImageFormat> formats) {

    public AcceptedFormats {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("At least one image format must be accepted");
        }
        formats = Collections.unmodifiableSet(EnumSet.copyOf(formats));
    }

    /** Every format the service can decode: JPEG and PNG. */
    public static AcceptedFormats decodable() {
        return new AcceptedFormats(Stream.of(ImageFormat.values()).filter(ImageFormat::supported)
                .collect(Collectors.toSet()));
    }

    /**
     * Reads a comma-separated list of format names, in any case ("JPEG,PNG", "jpeg").
     *
     * @throws IllegalArgumentException naming the key, for an empty list, an unknown name, or a format the service
     *                                  cannot decode
     */
    public static AcceptedFormats parse(String key, String list) {
        List<String> names = Arrays.stream(list.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException(key + " is empty; list the formats to process, from "
                    + decodable().alternatives(", "));
        }
        Set<ImageFormat> formats = EnumSet.noneOf(ImageFormat.class);
        for (String name : names) {
            ImageFormat format = Stream.of(ImageFormat.values())
                    .filter(candidate -> candidate != ImageFormat.UNKNOWN)
                    .filter(candidate -> candidate.name().equalsIgnoreCase(name)
                            || candidate.displayName().equalsIgnoreCase(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(key + ": '" + name
                            + "' is not an image format; choose from " + decodable().alternatives(", ")));
            if (!format.supported()) {
                throw new IllegalArgumentException(key + ": " + format.displayName()
                        + " images cannot be decoded by imageproc; choose from " + decodable().alternatives(", "));
            }
            formats.add(format);
        }
        return new AcceptedFormats(formats);
    }

    public boolean accepts(ImageFormat format) {
        return formats.contains(format);
    }

    /** The formats for a person, in a fixed order: "JPEG or PNG", "JPEG". */
    public String alternatives() {
        return alternatives(" or ");
    }

    private String alternatives(String separator) {
        return formats.stream().map(ImageFormat::displayName).collect(Collectors.joining(separator));
    }
}
