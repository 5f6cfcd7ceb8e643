package org.imageproc.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Which SDK failures mean the service is away, and the few words that say why. */
class UnavailabilityTest {

    @Test
    void noConnectionOrNoAnswerInTimeIsAnOutageNamedByItsCause() {
        assertThat(Unavailability.reason(SdkClientException.create("Unable to execute HTTP request: Connect to"
                + " 127.0.0.1:8000 failed: Connection refused", new ConnectException("Connection refused"))))
                .hasValue("Connection refused");
        assertThat(Unavailability.reason(SdkClientException.create("Unable to execute HTTP request",
                new SocketTimeoutException("Read timed out")))).hasValue("Read timed out");
        assertThat(Unavailability.reason(ApiCallTimeoutException.create(3000))).hasValue("no answer in time");
    }

    @Test
    void unavailableGatewaysAndThrottlingAreOutagesNamedByTheirErrorCode() {
        assertThat(Unavailability.reason(serviceError(S3Exception.builder(), 503, "SlowDown",
                "Please reduce your request rate."))).hasValue("SlowDown: Please reduce your request rate.");
        assertThat(Unavailability.reason(serviceError(S3Exception.builder(), 502, null, null))).hasValue("HTTP 502");
        assertThat(Unavailability.reason(serviceError(ProvisionedThroughputExceededException.builder(), 400,
                "ProvisionedThroughputExceededException", "Rate exceeded"))).hasValue(
                "ProvisionedThroughputExceededException: Rate exceeded");
    }

    @Test
    void anAnswerAboutTheRequestIsNoOutage() {
        assertThat(Unavailability.reason(serviceError(S3Exception.builder(), 412, "PreconditionFailed", "no")))
                .isEmpty();
        assertThat(Unavailability.reason(serviceError(NoSuchKeyException.builder(), 404, "NoSuchKey", "gone")))
                .isEmpty();
        assertThat(Unavailability.reason(serviceError(ConditionalCheckFailedException.builder(), 400,
                "ConditionalCheckFailedException", "The conditional request failed"))).isEmpty();
        // one request's server error is retried like any failure, but says nothing about the service being away
        assertThat(Unavailability.reason(serviceError(S3Exception.builder(), 500, "InternalError", "oops"))).isEmpty();
        assertThat(Unavailability.reason(SdkClientException.create("Unable to load credentials"))).isEmpty();
        assertThat(Unavailability.reason(AbortedException.create("interrupted", new ConnectException("x")))).isEmpty();
        assertThat(Unavailability.reason(new IllegalStateException("not an SDK failure"))).isEmpty();
    }

    private static Exception serviceError(
            software.amazon.awssdk.awscore.exception.AwsServiceException.Builder builder, int status, String code,
            String message) {
        return builder.statusCode(status).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }
}
