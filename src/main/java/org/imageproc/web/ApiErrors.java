package org.imageproc.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.Handler;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.language.simple.Simple;
import org.imageproc.album.AlbumExistsException;
import org.imageproc.catalog.BadCursorException;
import org.imageproc.outage.DependencyUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps what went wrong in an API call to its HTTP status and a message in plain words; an AWS service that is away
 * is a 503 naming it, which the next call after it is back no longer gets.
 */
public class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);
    /** Seconds a client is told to wait after a 503: about twice as long as it takes to notice a service is back. */
    static final String RETRY_AFTER_SECONDS = "5";

    @Handler
    public ApiError describe(@Simple("${exception}") Exception exception) {
        if (exception instanceof ApiException api) {
            return error(api.getStatus(), api.getMessage());
        }
        if (exception instanceof BadCursorException) {
            return error(400, exception.getMessage());
        }
        if (exception instanceof AlbumExistsException) {
            return error(409, exception.getMessage());
        }
        if (exception instanceof JsonProcessingException || exception instanceof InvalidPayloadException
                || exception.getCause() instanceof JsonProcessingException) {
            return error(400, "The request body is not the JSON this endpoint expects");
        }
        DependencyUnavailableException unavailable = DependencyUnavailableException.in(exception);
        if (unavailable != null) {
            // the outage itself is logged where it is noticed, once
            return error(503, unavailable.getMessage() + "; try again shortly");
        }
        LOG.error("API call failed", exception);
        return error(500, "Something went wrong on the server; see its log");
    }

    private static ApiError error(int status, String message) {
        String error = switch (status) {
            case 400 -> "BadRequest";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 409 -> "Conflict";
            case 503 -> "ServiceUnavailable";
            default -> "InternalError";
        };
        return new ApiError(status, error, message);
    }

    /** The Retry-After header's value for an error: only a 503 has one. */
    public String retryAfter(ApiError error) {
        return error.status() == 503 ? RETRY_AFTER_SECONDS : null;
    }
}
