package org.imageproc.local;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The S3 errors the local S3 answers an upload with when it cannot announce it; s3proxy renders them as S3 does. */
final class S3Refusals {

    private S3Refusals() {
    }

    /** 503 SlowDown, which S3 clients retry by themselves: nothing was stored. */
    static S3Exception slowDown(String message) {
        return error(503, "SlowDown", message);
    }

    /** 500 InternalError, which S3 clients retry too: the upload is not acknowledged. */
    static S3Exception internalError(String message) {
        return error(500, "InternalError", message);
    }

    private static S3Exception error(int status, String code, String message) {
        return (S3Exception) S3Exception.builder()
                .message(message)
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build())
                        .build())
                .build();
    }
}
