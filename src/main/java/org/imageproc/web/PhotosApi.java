package org.imageproc.web;

import org.apache.camel.Exchange;
import org.imageproc.photo.AlbumSummary;
import org.imageproc.photo.Photo;
import org.imageproc.photo.UploadTicket;

/**
 * REST resources for photos: an album's gallery a page at a time, a signed upload form into it, one photo with its processing state
 * (polled by the app while it runs), and retrying a photo whose event the queue gave up on.
 */
public class PhotosApi extends ApiRouteBuilder {

    @Override
    public void configure() {
        paged(asDemoUser(rest("/albums/{owner}/{name}").description("One album of the demo user")
                .get("/photos").id("get-album-photos").routeId("get-album-photos")
                .description("A page of the album's photos, newest upload first")))
                .responseMessage().code(403).message("The album belongs to someone else").endResponseMessage()
                .responseMessage().code(404).message("No such album").endResponseMessage()
                .outType(PhotoPage.class)
                .to(direct("get-album-photos"));
        asDemoUser(rest("/albums/{owner}/{name}")
                .get("/summary").id("get-album-summary").routeId("get-album-summary")
                .description("The album at a glance, for the app to poll while uploads run: counts by state, the"
                        + " cover, and each upload's state, including uploads issued a ticket that are still on"
                        + " their way or never arrived"))
                .outType(AlbumSummary.class)
                .to(direct("get-album-summary"));
        asDemoUser(rest("/albums/{owner}/{name}")
                .post("/uploads").id("create-upload").routeId("create-upload")
                .description("A signed S3 POST form for one new JPEG or PNG photo (contentType image/jpeg or "
                        + "image/png, from the file): the browser posts the ticket's fields in their order, then the "
                        + "file as the last field 'file', as multipart/form-data straight to the ticket's url before "
                        + "expiresAt; S3 refuses another key, content type or metadata, an empty file or one over "
                        + "imageproc.max-file-bytes, and answers 204"))
                // no outType: OpenAPI would add a 200 beside the 201 it answers with
                .type(NewUpload.class)
                .responseMessage().code(201).message("The upload ticket: imageID, url, fields (in form order), "
                        + "expiresAt").responseModel(UploadTicket.class).endResponseMessage()
                // responseMessage(code, message) would not add the message (Camel 4.18); the builder form does
                .responseMessage().code(400).message("contentType is not image/jpeg or image/png (the message names "
                        + "the file's type), or a user or album name is not valid").endResponseMessage()
                .responseMessage().code(403).message("The album belongs to someone else").endResponseMessage()
                .responseMessage().code(404).message("No such album").endResponseMessage()
                .to(direct("create-upload"));
        asDemoUser(rest("/photos").description("Photos of the demo user")
                .get("/{id}").id("get-photo").routeId("get-photo")
                .description("Everything stored about one photo, its processing steps and links to its images"))
                .outType(Photo.class)
                .to(direct("get-photo"));
        asDemoUser(rest("/photos")
                .post("/{id}/retry").id("retry-photo").routeId("retry-photo")
                .description("Puts the photo's event back on the queue from the dead-letter queue, where the queue"
                        + " left it after its last delivery failed (the item is FAILED with deadLetter true); the"
                        + " photo is then processed again"))
                .responseMessage().code(202).message("The event waits on the queue again: requeued, imageIDs")
                        .responseModel(Requeued.class).endResponseMessage()
                .responseMessage().code(403).message("The photo belongs to someone else").endResponseMessage()
                .responseMessage().code(404).message("No such photo").endResponseMessage()
                .responseMessage().code(409).message("The photo did not fail for a reason worth retrying, or its"
                        + " event is not in the dead-letter queue").endResponseMessage()
                .to(direct("retry-photo"));

        operation("get-album-photos")
                .bean(api, "photos");

        operation("get-album-summary")
                .bean(api, "summary");

        operation("create-upload")
                .bean(api, "upload")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(201));

        operation("get-photo")
                .bean(api, "photo");

        operation("retry-photo")
                .bean(api, "retry")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202));
    }
}
