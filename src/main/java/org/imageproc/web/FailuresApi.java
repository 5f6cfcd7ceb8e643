package org.imageproc.web;

import org.apache.camel.BeanInject;
import org.apache.camel.Exchange;

/**
 * REST resource {@code /api/failures}: the demo user's failed photos, and retrying them (their events moved back from
 * the dead-letter queue); {@code /failures/redrive} is the older form of retrying all.
 */
public class FailuresApi extends ApiRouteBuilder {

    @BeanInject
    FailureRetries failures;

    @Override
    public void configure() {
        paged(asDemoUser(rest("/failures").description("Processing failures of the demo user's photos")
                .get().id("get-failures").routeId("get-failures")
                .description("A page of the user's FAILED photos, the latest failure first: album, file name, the"
                        + " step that failed, the reason, when, whether a retry can help (retryable) and whether"
                        + " the event waits in the dead-letter queue (deadLetter)")))
                .outType(FailurePage.class)
                .to(direct("get-failures"));
        asDemoUser(rest("/failures")
                .post("/retry").id("retry-failures").routeId("retry-failures")
                .description("Retries the photos named in imageIDs, or all the user's failed photos when imageIDs"
                        + " is left out: their events are moved back from the dead-letter queue to be processed"
                        + " again; the answer names the photos requeued and why each other one was not"))
                .type(RetryRequest.class)
                .responseMessage().code(202).message("requeued (image ids) and notRequeued ({imageID, reason})")
                        .responseModel(Retried.class).endResponseMessage()
                .responseMessage().code(400).message("imageIDs is empty, too long, or names no image of this app")
                        .endResponseMessage()
                .responseMessage().code(403).message("A photo named belongs to someone else").endResponseMessage()
                .to(direct("retry-failures"));
        asDemoUser(rest("/failures")
                .post("/redrive").id("redrive-failures").routeId("redrive-failures")
                .description("Puts every event of the user's photos that waits in the dead-letter queue back on the"
                        + " queue, so that those photos are processed again (kept for older clients: POST"
                        + " /failures/retry does this and says why others were not)"))
                .responseMessage().code(202).message("The events wait on the queue again: requeued, imageIDs")
                        .responseModel(Requeued.class).endResponseMessage()
                .to(direct("redrive-failures"));

        operation("get-failures")
                .bean(failures, "list");

        operation("retry-failures")
                .bean(failures, "retry")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202));

        operation("redrive-failures")
                .bean(api, "redrive")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202));
    }
}
