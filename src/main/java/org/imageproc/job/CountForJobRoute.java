package org.imageproc.job;

import org.apache.camel.BeanInject;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/** Counts a settled photo for the job that queued it, if any (the flow and its error handling send here). */
public class CountForJobRoute extends EndpointRouteBuilder {

    @BeanInject
    JobTally tally;

    @Override
    public void configure() {
        from(direct("count-for-job")).routeId("count-for-job")
                .bean(tally);
    }
}
