package org.imageproc.pipeline;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/** Writes FAILED, the failing step and the cause on the item; called by {@link PipelineErrorHandling}. */
public class RecordFailureRoute extends EndpointRouteBuilder {

    @Override
    public void configure() {
        from(direct("record-failure")).routeId("record-failure")
                .bean("failureRecorder",
                        "record(${variable.execution}, ${variable.image}, ${exchangeProperty.CamelFailureRouteId}, ${exception})")
                .setVariable(Variables.FAILURE, simple("${exception}"));
    }
}
