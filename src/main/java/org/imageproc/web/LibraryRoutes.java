package org.imageproc.web;

import org.apache.camel.BeanInject;
import org.apache.camel.Exchange;
import org.imageproc.job.Job;

/**
 * REST resources that run the library: reprocessing an album or a photo and deleting either, each answered with a
 * job whose progress {@code GET /jobs/{id}} follows (a photo's delete is done when it answers).
 */
public class LibraryRoutes extends ApiRouteBuilder {

    @BeanInject
    LibraryApi library;

    @Override
    public void configure() {
        asDemoUser(rest("/albums/{owner}/{name}")
                .post("/reprocess").id("reprocess-album").routeId("reprocess-album")
                .description("Processes the album's photos again, through the queue and the same flow as an upload:"
                        + " scope \"missing\" (default) takes those not SUCCEEDED, without thumbnail or labels, or"
                        + " made with an older label model or another thumbnail size; \"all\" takes every photo"
                        + " (photos being processed right now are left to their run)"))
                .type(ReprocessRequest.class)
                .responseMessage().code(202).message("The job: jobId, kind, state, total, done, failed, startedAt,"
                        + " finishedAt").responseModel(Job.class).endResponseMessage()
                .responseMessage().code(400).message("The scope is neither missing nor all, or a name is not valid")
                        .endResponseMessage()
                .responseMessage().code(403).message("The album belongs to someone else").endResponseMessage()
                .responseMessage().code(404).message("No such album").endResponseMessage()
                .to(direct("reprocess-album"));
        asDemoUser(rest("/albums/{owner}/{name}")
                .delete().id("delete-album").routeId("delete-album")
                .description("Deletes the album's photos (original, thumbnail, item) and then the album, as a job"))
                .responseMessage().code(202).message("The job").responseModel(Job.class).endResponseMessage()
                .responseMessage().code(403).message("The album belongs to someone else").endResponseMessage()
                .responseMessage().code(404).message("No such album").endResponseMessage()
                .to(direct("delete-album"));
        asDemoUser(rest("/photos")
                .post("/{id}/reprocess").id("reprocess-photo").routeId("reprocess-photo")
                .description("Processes the photo again, through the queue and the same flow as an upload"))
                .responseMessage().code(202).message("The job (total 1, or 0 when the object changed meanwhile)")
                        .responseModel(Job.class).endResponseMessage()
                .responseMessage().code(403).message("The photo belongs to someone else").endResponseMessage()
                .responseMessage().code(404).message("No such photo").endResponseMessage()
                .responseMessage().code(409).message("The photo is being processed right now").endResponseMessage()
                .to(direct("reprocess-photo"));
        asDemoUser(rest("/photos")
                .delete("/{id}").id("delete-photo").routeId("delete-photo")
                .description("Deletes the photo: its original, its thumbnail and its item"))
                .responseMessage().code(204).message("Deleted").endResponseMessage()
                .responseMessage().code(403).message("The photo belongs to someone else").endResponseMessage()
                .responseMessage().code(404).message("No such photo").endResponseMessage()
                .to(direct("delete-photo"));
        asDemoUser(rest("/jobs")
                .get("/{id}").id("get-job").routeId("get-job")
                .description("A job's progress: state RUNNING until every photo is counted, then FINISHED"))
                .outType(Job.class)
                .responseMessage().code(403).message("The job belongs to someone else").endResponseMessage()
                .responseMessage().code(404).message("No such job").endResponseMessage()
                .to(direct("get-job"));

        operation("reprocess-album")
                .bean(library, "reprocessAlbum")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202));

        operation("delete-album")
                .bean(library, "deleteAlbum")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202));

        operation("reprocess-photo")
                .bean(library, "reprocessPhoto")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202));

        operation("delete-photo")
                .bean(library, "deletePhoto")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(204));

        operation("get-job")
                .bean(library, "job");
    }
}
