package org.imageproc.web;

import org.apache.camel.Exchange;

/** REST resource {@code /api/failures}: putting the demo user's dead-lettered events back on the queue at once. */
public class FailuresApi extends ApiRouteBuilder {

    @Override
    public void configure() {
        asDemoUser(rest("/failures").description("Processing failures of the demo user's photos")
                .post("/redrive").id("redrive-failures").routeId("redrive-failures")
                .description("Puts every event of the user's photos that waits in the dead-letter queue back on the"
                        + " queue, so that those photos are processed again"))
                .responseMessage().code(202).message("The events wait on the queue again: requeued, imageIDs")
                        .responseModel(Requeued.class).endResponseMessage()
                .to(direct("redrive-failures"));

        operation("redrive-failures")
                .bean(api, "redrive")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202));
    }
}
