package org.imageproc.web;

import org.apache.camel.Exchange;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.imageproc.album.Album;

/** REST resource {@code /api/albums}: the demo user's albums, newest first, and creating one. */
public class AlbumsApi extends EndpointRouteBuilder {

    @Override
    public void configure() {
        rest("/albums").description("The demo user's albums")
                .get().id("get-albums").routeId("get-albums").description("The user's albums, newest first")
                    .param().name(WebApi.USER_HEADER).type(RestParamType.header).required(true)
                        .description("The demo user name").endParam()
                    .outType(Album[].class)
                    .to(direct("get-albums"))
                .post().id("create-album").routeId("create-album").description("Creates an album; 409 when the name is taken")
                    .param().name(WebApi.USER_HEADER).type(RestParamType.header).required(true)
                        .description("The demo user name").endParam()
                    .type(NewAlbum.class).outType(Album.class)
                    .to(direct("create-album"));

        from(direct("get-albums")).routeId("get-albums").routeConfigurationId(ApiErrorHandling.ID)
                .bean("webApi", "albums");

        from(direct("create-album")).routeId("create-album").routeConfigurationId(ApiErrorHandling.ID)
                .bean("webApi", "createAlbum")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(201));
    }
}
