package org.imageproc.run;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import software.amazon.awssdk.eventnotifications.s3.model.RequestParameters;
import software.amazon.awssdk.eventnotifications.s3.model.ResponseElements;
import software.amazon.awssdk.eventnotifications.s3.model.S3;
import software.amazon.awssdk.eventnotifications.s3.model.S3Bucket;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotificationRecord;
import software.amazon.awssdk.eventnotifications.s3.model.S3Object;
import software.amazon.awssdk.eventnotifications.s3.model.UserIdentity;

/**
 * Writes the S3 event notification message that Amazon S3 sends to an SQS queue for one created object: the local S3
 * announces uploads with it, and a backfill or reprocess announces stored objects again the same way.
 */
public final class S3EventJson {

    public static final String CONFIGURATION_ID = "local-incoming-images";

    private final String region;
    private final String principalId;

    public S3EventJson(String region, String principalId) {
        this.region = region;
        this.principalId = principalId;
    }

    /** The message for {@code key} (as stored, not encoded); {@code eTag} with or without quotes. */
    public String toJson(String bucketName, String key, long size, String eTag, String eventName, Instant time,
            String sequencer) {
        S3EventNotificationRecord record = new S3EventNotificationRecord();
        record.setEventVersion("2.1");
        record.setEventSource("aws:s3");
        record.setAwsRegion(region);
        // S3 gives event times in milliseconds
        record.setEventTime(time.truncatedTo(ChronoUnit.MILLIS));
        record.setEventName(eventName);
        record.setUserIdentity(new UserIdentity(principalId));
        // every client of the local stack connects over loopback
        record.setRequestParameters(new RequestParameters("127.0.0.1"));
        record.setResponseElements(new ResponseElements(Base64.getEncoder().encodeToString(randomBytes(48)),
                HexFormat.of().withUpperCase().formatHex(randomBytes(8))));
        S3Bucket bucket = new S3Bucket(bucketName, new UserIdentity(principalId), "arn:aws:s3:::" + bucketName);
        record.setS3(new S3(CONFIGURATION_ID, bucket,
                new S3Object(encodeKey(key), size, eTag.replace("\"", ""), null, sequencer), "1.0"));
        return new S3EventNotification(List.of(record)).toJson();
    }

    /** S3 encodes event keys like an HTML form (a space becomes '+', a '+' becomes %2B) but leaves '/' as it is. */
    public static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
