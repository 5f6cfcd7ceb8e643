package org.imageproc.local;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.gaul.s3proxy.blobstore.S3Exceptions;
import org.gaul.s3proxy.blobstore.SdkResponses;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One page of a ListObjects answer worked out over a bucket's keys, by S3's rules: prefix, delimiter rolling keys up
 * into common prefixes, resuming after start-after or a continuation token, at most max-keys entries (objects and
 * common prefixes together), in the binary order of the keys' UTF-8 bytes.
 */
final class KeyListing {

    /** The binary order of UTF-8 bytes, which is the order of code points (String's own order is of UTF-16 units). */
    static final Comparator<String> UTF8_ORDER = KeyListing::compareCodePoints;
    private static final int DEFAULT_MAX_KEYS = 1000;

    private KeyListing() {
    }

    /** The page the request asks for out of these objects, in any order; a token names the page's last entry. */
    static ListObjectsV2Response page(Collection<S3Object> objects, ListObjectsV2Request request) {
        String prefix = request.prefix() == null ? "" : request.prefix();
        String delimiter = request.delimiter() == null || request.delimiter().isEmpty() ? null : request.delimiter();
        // an entry is an object, or a common prefix (null)
        NavigableMap<String, S3Object> entries = new TreeMap<>(UTF8_ORDER);
        for (S3Object object : objects) {
            String key = object.key();
            if (!key.startsWith(prefix)) {
                continue;
            }
            int at = delimiter == null ? -1 : key.indexOf(delimiter, prefix.length());
            if (at < 0) {
                entries.put(key, object);
            } else {
                entries.putIfAbsent(key.substring(0, at + delimiter.length()), null);
            }
        }
        String after = request.continuationToken() != null ? resumeAfter(request.continuationToken())
                : request.startAfter();
        if (after != null) {
            entries = entries.tailMap(after, false);
        }
        int maxKeys = request.maxKeys() == null ? DEFAULT_MAX_KEYS : request.maxKeys();
        List<S3Object> contents = new ArrayList<>();
        List<CommonPrefix> commonPrefixes = new ArrayList<>();
        String last = null;
        for (Map.Entry<String, S3Object> entry : entries.entrySet()) {
            if (contents.size() + commonPrefixes.size() == maxKeys) {
                // max-keys 0 asks for no entries rather than for a page, and has nothing to resume after
                return SdkResponses.objectsPage(contents, commonPrefixes, last == null ? null : token(last));
            }
            if (entry.getValue() == null) {
                commonPrefixes.add(SdkResponses.commonPrefix(entry.getKey()));
            } else {
                contents.add(entry.getValue());
            }
            last = entry.getKey();
        }
        return SdkResponses.objectsPage(contents, commonPrefixes, null);
    }

    /** Opaque to clients, as S3's are, and safe in XML whatever the key holds. */
    static String token(String lastEntry) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastEntry.getBytes(StandardCharsets.UTF_8));
    }

    private static String resumeAfter(String token) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(token)))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw S3Exceptions.invalidArgument("The continuation token provided is incorrect: pass back the"
                    + " NextContinuationToken of the previous page as it came.");
        }
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(i);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
        }
        return Integer.compare(a.length() - i, b.length() - i);
    }
}
