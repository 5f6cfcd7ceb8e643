package org.imageproc.web;

import java.util.List;

/** Which failed photos to retry: {@code imageIDs}, or all of the user's when absent. */
public record RetryRequest(List<String> imageIDs) {
}
