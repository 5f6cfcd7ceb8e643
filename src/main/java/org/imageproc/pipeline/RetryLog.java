package org.imageproc.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.imageproc.outage.Outages;
import org.imageproc.run.Failure;
import org.imageproc.run.ImageEvent;
import org.imageproc.run.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WARN line, without a stack trace, each time a failing step is about to be retried in place; a retry that an
 * outage already reported explains is noted by {@link Outages} instead, which summarises it. The last failure of a
 * delivery is not a retry: {@link FailureRecorder} logs it.
 */
public class RetryLog implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(RetryLog.class);

    private final Outages outages;

    public RetryLog(Outages outages) {
        this.outages = outages;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getException();
        int failed = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        int retries = exchange.getIn().getHeader(Exchange.REDELIVERY_MAX_COUNTER, 0, Integer.class);
        if (failure == null || failed > retries) {
            return;
        }
        ImageEvent event = exchange.getVariable(Variables.EVENT, ImageEvent.class);
        String image = event == null ? "an event" : event.key();
        if (outages.explains(failure, image)) {
            return;
        }
        LOG.warn("Retry {} of {} of {} for {}: {}", failed, retries,
                exchange.getProperty(Exchange.FAILURE_ROUTE_ID, "a step", String.class), image,
                Failure.of(failure).cause());
    }
}
