package org.imageproc.stop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.SynchronizationAdapter;
import org.junit.jupiter.api.Test;

/**
 * A stop while an exchange's completion still runs (where the SQS consumer deletes its message) waits for it: the
 * route's thread pool, on which the completion runs, is not shut down under it. With Camel's default strategy the
 * completion is interrupted. A route stopped alone waits for nothing else.
 */
class UnitOfWorkShutdownStrategyTest {

    @Test
    void aStopWaitsForTheCompletionsOfExchangesThatLeftTheirRoute() throws Exception {
        SlowCompletion completion = new SlowCompletion();
        CamelContext context = completingSlowly(completion);

        context.stop();

        assertThat(completion.interrupted).isFalse();
        assertThat(completion.finished).isTrue();
    }

    @Test
    void aRouteStoppedAloneDoesNotWaitForTheOthers() throws Exception {
        SlowCompletion completion = new SlowCompletion();
        CamelContext context = completingSlowly(completion);
        try {
            // a route file reloaded in development stops only its own routes
            context.getRouteController().stopRoute("reloaded");

            assertThat(completion.finished).as("the other route's completion still runs").isFalse();
        } finally {
            context.stop();
        }
    }

    @Test
    void keepsTheTimeoutOfTheStrategyItReplaces() {
        CamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(7);

        assertThat(UnitOfWorkShutdownStrategy.replacing(context.getShutdownStrategy()).getTimeout()).isEqualTo(7);
    }

    /**
     * A started context with the strategy, whose route "in" has an exchange that left it and now runs the slow
     * completion, and an idle route "reloaded".
     */
    private static CamelContext completingSlowly(SlowCompletion completion) throws Exception {
        CamelContext context = new DefaultCamelContext();
        // lambdas, not RouteBuilder classes, which the service's package scan would pick up in other tests; the pool
        // stands for the multicast's, on which a processed image's exchange completes
        RouteBuilder.addRoutes(context, routes -> routes.from("seda:in").routeId("in").threads(1)
                .process(exchange -> exchange.getExchangeExtension().addOnCompletion(completion)));
        RouteBuilder.addRoutes(context, routes -> routes.from("seda:reloaded").routeId("reloaded").log("${body}"));
        context.setShutdownStrategy(UnitOfWorkShutdownStrategy.replacing(context.getShutdownStrategy()));
        context.start();
        context.createProducerTemplate().sendBody("seda:in", "an image");
        assertThat(completion.started.await(10, TimeUnit.SECONDS)).isTrue();
        return context;
    }

    /** A completion that takes a moment, as a DeleteMessage call does, and records whether it was cut short. */
    private static final class SlowCompletion extends SynchronizationAdapter {

        final CountDownLatch started = new CountDownLatch(1);
        volatile boolean interrupted;
        volatile boolean finished;

        @Override
        public void onDone(Exchange exchange) {
            started.countDown();
            try {
                TimeUnit.MILLISECONDS.sleep(1500);
                finished = true;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }
}
