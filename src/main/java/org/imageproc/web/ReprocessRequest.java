package org.imageproc.web;

/** The body of an album reprocess: {@code scope} "missing" (the default) or "all". */
public record ReprocessRequest(String scope) {
}
