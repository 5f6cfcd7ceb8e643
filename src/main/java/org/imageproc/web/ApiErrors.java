package org.imageproc.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.InvalidPayloadException;
import org.imageproc.album.AlbumExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps what went wrong in an API call to its HTTP status and a message in plain words. */
public class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    public ApiError describe(Exception exception) {
        if (exception instanceof ApiException api) {
            return error(api.getStatus(), api.getMessage());
        }
        if (exception instanceof AlbumExistsException) {
            return error(409, exception.getMessage());
        }
        if (exception instanceof JsonProcessingException || exception instanceof InvalidPayloadException
                || exception.getCause() instanceof JsonProcessingException) {
            return error(400, "The request body is not the JSON this endpoint expects");
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
            default -> "InternalError";
        };
        return new ApiError(status, error, message);
    }
}
