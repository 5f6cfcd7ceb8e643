package org.imageproc.pipeline;

import org.apache.camel.BeanInject;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.imageproc.run.RunSupersededException;
import org.imageproc.run.Variables;

/**
 * Writes FAILED, the failing step and the cause on the item, and takes away any thumbnail an earlier upload left;
 * called by {@link PipelineErrorHandling}. A run that lost its item meanwhile writes nothing and is superseded. The
 * message's receive count (SQS's ApproximateReceiveCount) says whether the queue gives up on it after this delivery.
 */
public class RecordFailureRoute extends EndpointRouteBuilder {

    @BeanInject
    FailureRecorder recorder;

    @Override
    public void configure() {
        from(direct("record-failure")).routeId("record-failure")
                .doTry()
                    .bean(recorder)
                    .setVariable(Variables.FAILURE, simple("${exception}"))
                    // counted only if the failure is final; a delivery that comes back is counted when it ends
                    .to(direct("count-for-job"))
                .doCatch(RunSupersededException.class)
                    .to(direct("record-superseded"))
                .end();

        from(direct("record-superseded")).routeId("record-superseded")
                .log("Run for ${variable.event.key} stopped without writing: ${exception.message}")
                .setVariable(Variables.SUPERSEDED, simple("${exception.message}"))
                .to(direct("count-for-job"));
    }
}
