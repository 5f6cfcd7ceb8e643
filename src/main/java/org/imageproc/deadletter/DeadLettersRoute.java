package org.imageproc.deadletter;

import org.apache.camel.BeanInject;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/** Sweeps the dead-letter queue every {@code imageproc.dead-letters.check-seconds}, from one second after start. */
public class DeadLettersRoute extends EndpointRouteBuilder {

    @BeanInject
    DeadLetters deadLetters;

    @Override
    public void configure() {
        from(timer("check-dead-letters").delay(1000).period("{{imageproc.dead-letters.check-seconds}}s"))
                .routeId("check-dead-letters")
                .bean(deadLetters);
    }
}
