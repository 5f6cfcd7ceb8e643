package org.imageproc.web;

import org.apache.camel.Exchange;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.imageproc.photo.Photo;
import org.imageproc.photo.UploadTicket;

/**
 * REST resources for photos: an album's gallery, a presigned upload into it, and one photo with its processing
 * state (polled by the app while it runs).
 */
public class PhotosApi extends EndpointRouteBuilder {

    @Override
    public void configure() {
        rest("/albums/{owner}/{name}").description("One album of the demo user")
                .get("/photos").id("get-album-photos").routeId("get-album-photos").description("The album's photos, newest upload first")
                    .param().name(WebApi.USER_HEADER).type(RestParamType.header).required(true).endParam()
                    .outType(Photo[].class)
                    .to(direct("get-album-photos"))
                .post("/uploads").id("create-upload").routeId("create-upload")
                    .description("A presigned S3 PUT for one new photo; the browser uploads straight to S3")
                    .param().name(WebApi.USER_HEADER).type(RestParamType.header).required(true).endParam()
                    .type(NewUpload.class).outType(UploadTicket.class)
                    .to(direct("create-upload"));

        rest("/photos").description("Photos of the demo user")
                .get("/{id}").id("get-photo").routeId("get-photo")
                    .description("Everything stored about one photo, its processing steps and links to its images")
                    .param().name(WebApi.USER_HEADER).type(RestParamType.header).required(true).endParam()
                    .outType(Photo.class)
                    .to(direct("get-photo"));

        from(direct("get-album-photos")).routeId("get-album-photos").routeConfigurationId(ApiErrorHandling.ID)
                .bean("webApi", "photos");

        from(direct("create-upload")).routeId("create-upload").routeConfigurationId(ApiErrorHandling.ID)
                .bean("webApi", "upload")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(201));

        from(direct("get-photo")).routeId("get-photo").routeConfigurationId(ApiErrorHandling.ID)
                .bean("webApi", "photo");
    }
}
