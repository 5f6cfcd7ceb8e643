package org.imageproc.web;

import org.apache.camel.Exchange;
import org.imageproc.album.Album;

/** REST resource {@code /api/albums}: the demo user's albums, newest first, a page at a time, and creating one. */
public class AlbumsApi extends ApiRouteBuilder {

    @Override
    public void configure() {
        paged(asDemoUser(rest("/albums").description("The demo user's albums")
                .get().id("get-albums").routeId("get-albums").description("A page of the user's albums, newest"
                        + " first")))
                .outType(AlbumPage.class)
                .to(direct("get-albums"));
        asDemoUser(rest("/albums")
                .post().id("create-album").routeId("create-album").description("Creates an album; 409 when the name is taken"))
                .type(NewAlbum.class).outType(Album.class)
                .to(direct("create-album"));

        operation("get-albums")
                .bean(api, "albums");

        operation("create-album")
                .bean(api, "createAlbum")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(201));
    }
}
