package org.imageproc.web;

/** The body of a create-album request. */
public record NewAlbum(String name) {
}
