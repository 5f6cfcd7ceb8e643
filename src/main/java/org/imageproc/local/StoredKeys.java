package org.imageproc.local;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

import org.gaul.s3proxy.blobstore.S3Exceptions;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Names the file of each S3 key in the local filesystem store: the key's UTF-8 bytes in lower-case hex, cut into
 * directory levels and ending in {@value #SUFFIX}. Every key S3 accepts gets a path no other key shares, made only of
 * hex digits, '/' and the suffix, so that no key leads outside its bucket or into another key's file.
 */
final class StoredKeys {

    /** S3's limit on a key. */
    static final int MAX_KEY_BYTES = 1024;
    /** Ends every object's file name; directory levels are bare hex, so an object's file is never another's level. */
    static final String SUFFIX = ".obj";
    // 64 key bytes a level: names stay far below the common 255-byte limit even with the store's own additions
    // (".mpus-<upload id>-" before a multipart part, "-<uuid>" after a temporary file)
    private static final int LEVEL = 128;
    private static final HexFormat HEX = HexFormat.of();

    private StoredKeys() {
    }

    /** The store's name for an S3 key; refuses, as S3 does, a key longer than 1024 bytes. */
    static String name(String key) {
        byte[] bytes = utf8(key);
        if (bytes.length == 0) {
            throw S3Exceptions.invalidArgument("An S3 key is 1 to " + MAX_KEY_BYTES + " bytes of UTF-8; this is empty.");
        }
        if (bytes.length > MAX_KEY_BYTES) {
            throw keyTooLong(bytes.length);
        }
        return levels(HEX.formatHex(bytes)) + SUFFIX;
    }

    /** The key a store name stands for, or nothing when the name is not one {@link #name} gives. */
    static Optional<String> key(String name) {
        if (!name.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String hex = name.substring(0, name.length() - SUFFIX.length()).replace("/", "");
        if (hex.isEmpty() || hex.length() % 2 != 0 || hex.length() > 2 * MAX_KEY_BYTES) {
            return Optional.empty();
        }
        try {
            String key = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(HEX.parseHex(hex))).toString();
            // only the canonical spelling: lower case, every level full but the last
            return name.equals(name(key)) ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * What the store names of all keys starting with the prefix start with, or nothing when no key can (the prefix
     * alone is longer than a key). A key's bytes start with its prefix's bytes, and the levels cut both alike.
     */
    static Optional<String> namePrefix(String keyPrefix) {
        byte[] bytes = utf8(keyPrefix == null ? "" : keyPrefix);
        return bytes.length > MAX_KEY_BYTES ? Optional.empty() : Optional.of(levels(HEX.formatHex(bytes)));
    }

    private static String levels(String hex) {
        StringBuilder name = new StringBuilder(hex.length() + hex.length() / LEVEL + SUFFIX.length());
        for (int start = 0; start < hex.length(); start += LEVEL) {
            if (start > 0) {
                name.append('/');
            }
            name.append(hex, start, Math.min(hex.length(), start + LEVEL));
        }
        return name.toString();
    }

    /** Strict, so that no two keys share bytes: a lone surrogate would otherwise become the '?' of another key. */
    private static byte[] utf8(String text) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw S3Exceptions.invalidArgument("The key is not valid UTF-8: it holds half of a surrogate pair.");
        }
    }

    private static S3Exception keyTooLong(int bytes) {
        String message = "Your key is too long: " + bytes + " bytes of UTF-8, and S3 keys are at most " + MAX_KEY_BYTES
                + ".";
        return (S3Exception) S3Exception.builder()
                .message(message)
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("KeyTooLongError")
                        .errorMessage(message)
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build())
                        .build())
                .build();
    }
}
