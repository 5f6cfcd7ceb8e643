package org.imageproc.web;

/** One file of the web app, read from the classpath. */
public record StaticFile(byte[] content, String contentType) {
}
