package org.imageproc.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.S3Utilities;

/**
 * The POST policy and its Signature Version 4 fields, computed without a server (S3NotificationIT and the web tests
 * send forms to the local S3, which checks signature and policy itself).
 */
class PresignedPostTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07.890Z");
    private static final AwsCredentialsProvider BASIC =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));

    @Test
    void theSigningKeyIsDerivedAsAwsDocumentsIt() {
        // the examples in the AWS General Reference, "Examples of how to derive a signing key for Signature Version 4"
        String secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

        assertThat(HexFormat.of().formatHex(PresignedPost.signingKey(secret, "20120215", "us-east-1", "iam")))
                .isEqualTo("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
        assertThat(HexFormat.of().formatHex(PresignedPost.signingKey(secret, "20150830", "us-east-1", "iam")))
                .isEqualTo("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
    }

    @Test
    void theFormSendsTheFieldsInOrderThenTheSignatureFields() {
        PostForm form = localPost(BASIC).sign(fields(), 1, 1000, Duration.ofMinutes(5));

        assertThat(form.fields().keySet()).containsExactly("key", "Content-Type", "x-amz-meta-userid",
                "x-amz-algorithm", "x-amz-credential", "x-amz-date", "policy", "x-amz-signature");
        assertThat(form.fields()).containsEntry("key", "Incoming/a.jpg")
                .containsEntry("x-amz-algorithm", "AWS4-HMAC-SHA256")
                .containsEntry("x-amz-credential", "AKIDEXAMPLE/20260304/eu-west-1/s3/aws4_request")
                .containsEntry("x-amz-date", "20260304T050607Z");
        assertThat(form.fields().get("x-amz-signature")).matches("[0-9a-f]{64}");
        assertThat(form.expiresAt()).isEqualTo(Instant.parse("2026-03-04T05:11:07Z"));
        assertThat(form.url()).isEqualTo(URI.create("http://127.0.0.1:9000/photo-repo/"));
    }

    @Test
    void thePolicyNamesTheBucketEveryFieldExactlyTheSizesAndTheExpiry() throws Exception {
        PostForm form = localPost(BASIC).sign(fields(), 1, 1000, Duration.ofMinutes(5));

        JsonNode policy = policy(form);

        assertThat(policy.path("expiration").asText()).isEqualTo("2026-03-04T05:11:07.000Z");
        assertThat(policy.path("conditions").toString()).isEqualTo("[{\"bucket\":\"photo-repo\"},"
                + "[\"eq\",\"$key\",\"Incoming/a.jpg\"],"
                + "[\"eq\",\"$Content-Type\",\"image/jpeg\"],"
                + "[\"eq\",\"$x-amz-meta-userid\",\"ann\"],"
                + "[\"eq\",\"$x-amz-algorithm\",\"AWS4-HMAC-SHA256\"],"
                + "[\"eq\",\"$x-amz-credential\",\"AKIDEXAMPLE/20260304/eu-west-1/s3/aws4_request\"],"
                + "[\"eq\",\"$x-amz-date\",\"20260304T050607Z\"],"
                + "[\"content-length-range\",1,1000]]");
    }

    @Test
    void theSignatureIsTheHmacOfTheEncodedPolicyWithTheDaysKey() throws Exception {
        PostForm form = localPost(BASIC).sign(fields(), 1, 1000, Duration.ofMinutes(5));

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(
                PresignedPost.signingKey("secret", "20260304", "eu-west-1", "s3"), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(
                mac.doFinal(form.fields().get("policy").getBytes(StandardCharsets.US_ASCII)));

        assertThat(form.fields().get("x-amz-signature")).isEqualTo(expected);
    }

    @Test
    void sessionCredentialsSendTheirTokenAndThePolicyNamesIt() throws Exception {
        AwsCredentialsProvider session = StaticCredentialsProvider.create(
                AwsSessionCredentials.create("ASIAEXAMPLE", "secret", "the-session-token"));

        PostForm form = localPost(session).sign(fields(), 1, 1000, Duration.ofMinutes(5));

        assertThat(form.fields()).containsEntry("x-amz-security-token", "the-session-token")
                .containsEntry("x-amz-credential", "ASIAEXAMPLE/20260304/eu-west-1/s3/aws4_request");
        assertThat(form.fields().keySet()).endsWith("x-amz-security-token", "policy", "x-amz-signature");
        assertThat(policy(form).path("conditions").toString())
                .contains("[\"eq\",\"$x-amz-security-token\",\"the-session-token\"]");
    }

    @Test
    void everyFormAsksTheProviderAgainSoRotatedCredentialsAreUsed() {
        String[] key = {"AKIDFIRST"};
        AwsCredentialsProvider rotating = () -> AwsBasicCredentials.create(key[0], "secret");
        PresignedPost post = localPost(rotating);

        PostForm first = post.sign(fields(), 1, 1000, Duration.ofMinutes(5));
        key[0] = "AKIDSECOND";
        PostForm second = post.sign(fields(), 1, 1000, Duration.ofMinutes(5));

        assertThat(first.fields().get("x-amz-credential")).startsWith("AKIDFIRST/");
        assertThat(second.fields().get("x-amz-credential")).startsWith("AKIDSECOND/");
    }

    @Test
    void onAwsTheFormGoesToTheBucketsVirtualHost() {
        S3Utilities aws = S3Utilities.builder().region(Region.EU_WEST_1).build();

        PresignedPost post = new PresignedPost(BASIC, Region.EU_WEST_1, aws, "photo-repo",
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(post.sign(fields(), 1, 1000, Duration.ofMinutes(5)).url())
                .isEqualTo(URI.create("https://photo-repo.s3.eu-west-1.amazonaws.com/"));
    }

    private static PresignedPost localPost(AwsCredentialsProvider credentials) {
        S3Utilities local = S3Utilities.builder().region(Region.EU_WEST_1)
                .endpoint(URI.create("http://127.0.0.1:9000"))
                .s3Configuration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
        return new PresignedPost(credentials, Region.EU_WEST_1, local, "photo-repo",
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", "Incoming/a.jpg");
        fields.put("Content-Type", "image/jpeg");
        fields.put("x-amz-meta-userid", "ann");
        return fields;
    }

    private static JsonNode policy(PostForm form) throws Exception {
        return JSON.readTree(Base64.getDecoder().decode(form.fields().get("policy")));
    }
}
