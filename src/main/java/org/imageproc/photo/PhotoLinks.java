package org.imageproc.photo;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Utilities;

/**
 * Presigned GET URLs, only ever for keys under the incoming and thumbnail prefixes: the browser reads originals and
 * thumbnails without the bucket being public (uploads go through {@link UploadTickets}). A link is signed as of the
 * start of its time window, so the same object gets the same URL for a third of the link lifetime and the browser
 * can cache it; it then stays valid for at least two thirds of the lifetime.
 */
public class PhotoLinks {

    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final S3Utilities s3;
    private final String bucket;
    private final String incomingPrefix;
    private final String thumbnailPrefix;
    private final Duration lifetime;
    private final Clock clock;

    public PhotoLinks(AwsCredentialsProvider credentials, Region region, S3Utilities s3, String bucket,
            String incomingPrefix, String thumbnailPrefix, Duration lifetime, Clock clock) {
        this.credentials = credentials;
        this.region = region;
        this.s3 = s3;
        this.bucket = bucket;
        this.incomingPrefix = incomingPrefix;
        this.thumbnailPrefix = thumbnailPrefix;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    String original(String imageId) {
        return get(incomingPrefix + imageId, Map.of());
    }

    /** The original as a download saved under its file name. */
    String download(String imageId, String fileName) {
        String name = fileName == null || fileName.isBlank() ? imageId : fileName;
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        return get(incomingPrefix + imageId, Map.of("response-content-disposition", "attachment; filename=\""
                + ascii + "\"; filename*=UTF-8''" + encode(name)));
    }

    String thumbnail(String imageId) {
        return get(thumbnailPrefix + imageId, Map.of());
    }

    /** A Signature Version 4 query-string signature (UNSIGNED-PAYLOAD, host the only signed header). */
    private String get(String key, Map<String, String> responseOverrides) {
        Instant signedAt = window(clock.instant());
        AwsCredentialsIdentity identity = credentials.resolveCredentials();
        String day = PresignedPost.DAY.format(signedAt);
        String scope = String.join("/", day, region.id(), "s3", "aws4_request");
        URI url = URI.create(s3.getUrl(r -> r.bucket(bucket).key(key)).toString());
        Map<String, String> query = new TreeMap<>(responseOverrides);
        // the browser caches a link for as long as the link stays valid at least
        query.put("response-cache-control", "private, max-age=" + lifetime.minus(window()).toSeconds());
        query.put("X-Amz-Algorithm", PresignedPost.ALGORITHM);
        query.put("X-Amz-Credential", identity.accessKeyId() + "/" + scope);
        query.put("X-Amz-Date", PresignedPost.TIME.format(signedAt));
        query.put("X-Amz-Expires", Long.toString(lifetime.toSeconds()));
        query.put("X-Amz-SignedHeaders", "host");
        if (identity instanceof AwsSessionCredentialsIdentity session) {
            query.put("X-Amz-Security-Token", session.sessionToken());
        }
        String canonicalQuery = query.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .sorted().collect(Collectors.joining("&"));
        String host = url.getPort() == -1 ? url.getHost() : url.getHost() + ":" + url.getPort();
        String canonicalRequest = String.join("\n", "GET", url.getRawPath(), canonicalQuery, "host:" + host, "",
                "host", UNSIGNED_PAYLOAD);
        String toSign = String.join("\n", PresignedPost.ALGORITHM, query.get("X-Amz-Date"), scope,
                sha256(canonicalRequest));
        byte[] signature = PresignedPost.hmac(
                PresignedPost.signingKey(identity.secretAccessKey(), day, region.id(), "s3"), toSign);
        return url.getScheme() + "://" + host + url.getRawPath() + "?" + canonicalQuery
                + "&X-Amz-Signature=" + HexFormat.of().formatHex(signature);
    }

    private Duration window() {
        return lifetime.dividedBy(3);
    }

    private Instant window(Instant now) {
        long size = Math.max(1, window().toSeconds());
        return Instant.ofEpochSecond(now.getEpochSecond() / size * size);
    }

    /** RFC 3986 encoding as Signature Version 4 wants it: everything but unreserved characters. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
