package org.imageproc.photo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Utilities;

/**
 * Signs S3 browser-upload forms (a POST policy, Signature Version 4), which the SDK's presigner does not offer: the
 * form may upload to one bucket only, with exactly the given fields and a size in the given range, until it expires.
 */
public final class PresignedPost {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final String SERVICE = "s3";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EXPIRATION =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final String bucket;
    private final URI url;
    private final Clock clock;

    /**
     * @param credentials the provider the SDK clients sign with, asked again for every form (session credentials
     *                    rotate)
     * @param s3          the S3 client's utilities, so the form goes to the endpoint the client talks to
     */
    public PresignedPost(AwsCredentialsProvider credentials, Region region, S3Utilities s3, String bucket,
            Clock clock) {
        this.credentials = credentials;
        this.region = region;
        this.bucket = bucket;
        this.clock = clock;
        // S3 takes a form at the bucket's URL: any object's URL without its key (path-style or virtual-hosted alike)
        String object = s3.getUrl(r -> r.bucket(bucket).key("k")).toString();
        this.url = URI.create(object.substring(0, object.length() - 1));
    }

    /**
     * A form for one upload.
     *
     * @param fields   what the form must send, each with exactly this value (the key among them), in form order
     * @param minBytes smallest file accepted
     * @param maxBytes largest file accepted
     */
    public PostForm sign(Map<String, String> fields, long minBytes, long maxBytes, Duration lifetime) {
        // x-amz-date has whole seconds; the expiry the ticket states is then the policy's to the millisecond
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(lifetime);
        AwsCredentialsIdentity identity = credentials.resolveCredentials();
        String day = DAY.format(now);
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("x-amz-algorithm", ALGORITHM);
        form.put("x-amz-credential", String.join("/", identity.accessKeyId(), day, region.id(), SERVICE,
                "aws4_request"));
        form.put("x-amz-date", TIME.format(now));
        if (identity instanceof AwsSessionCredentialsIdentity session) {
            form.put("x-amz-security-token", session.sessionToken());
        }
        String policy = Base64.getEncoder().encodeToString(policy(form, minBytes, maxBytes, expiresAt));
        byte[] signature = hmac(signingKey(identity.secretAccessKey(), day, region.id(), SERVICE), policy);
        form.put("policy", policy);
        form.put("x-amz-signature", HexFormat.of().formatHex(signature));
        return new PostForm(url, Collections.unmodifiableMap(form), expiresAt);
    }

    /** Every field the form sends is a condition: S3 refuses a form field the policy does not name. */
    private byte[] policy(Map<String, String> form, long minBytes, long maxBytes, Instant expiresAt) {
        ObjectNode policy = JSON.createObjectNode().put("expiration", EXPIRATION.format(expiresAt));
        ArrayNode conditions = policy.putArray("conditions");
        conditions.addObject().put("bucket", bucket);
        form.forEach((name, value) -> conditions.addArray().add("eq").add("$" + name).add(value));
        conditions.addArray().add("content-length-range").add(minBytes).add(maxBytes);
        try {
            return JSON.writeValueAsBytes(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a POST policy", e);
        }
    }

    /** The Signature Version 4 signing key of one day, region and service. */
    static byte[] signingKey(String secretAccessKey, String day, String region, String service) {
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), day);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
