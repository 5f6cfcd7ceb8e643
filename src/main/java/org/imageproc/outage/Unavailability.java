package org.imageproc.outage;

import java.io.IOException;
import java.util.Optional;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Tells a service that is away from a request that is wrong: no connection, no answer in time, 502/503/504 or
 * throttling mean "unavailable"; any other answer (a 4xx, a 500 for one request) is about the request.
 */
final class Unavailability {

    private Unavailability() {
    }

    /** Why the service counts as unavailable, in a few words; empty when the failure is about the request. */
    static Optional<String> reason(Throwable failure) {
        if (failure instanceof AwsServiceException service) {
            int status = service.statusCode();
            if (status == 502 || status == 503 || status == 504 || service.isThrottlingException()) {
                return Optional.of(serviceReason(service));
            }
            return Optional.empty();
        }
        if (failure instanceof AbortedException || !(failure instanceof SdkClientException)) {
            return Optional.empty();
        }
        if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException) {
            return Optional.of("no answer in time");
        }
        Throwable io = firstIo(failure);
        if (io == null) {
            return Optional.empty();
        }
        return Optional.of(io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage());
    }

    /** The deepest I/O failure in the chain: "Connection refused" rather than "Unable to execute HTTP request: ...". */
    private static Throwable firstIo(Throwable failure) {
        Throwable found = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                found = t;
            }
        }
        return found;
    }

    private static String serviceReason(AwsServiceException service) {
        var details = service.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        String message = details == null ? null : details.errorMessage();
        String status = "HTTP " + service.statusCode();
        if (code == null && message == null) {
            return status;
        }
        if (message == null) {
            return code + " (" + status + ")";
        }
        return (code == null ? status : code) + ": " + message;
    }
}
