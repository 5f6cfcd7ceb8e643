package org.imageproc.pipeline;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/** Merges the variables each parallel branch produced into one exchange, and stops the flow if a branch rejected the image. */
public class CollectVariables implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        Exchange result = oldExchange == null ? newExchange : oldExchange;
        if (oldExchange != null) {
            newExchange.getVariables().forEach(result::setVariable);
        }
        // a branch whose error handler recorded the image as FAILED must not let the flow go on to SUCCEEDED
        if (newExchange.getProperty(Exchange.EXCEPTION_CAUGHT) != null) {
            result.setProperty(Exchange.EXCEPTION_CAUGHT, newExchange.getProperty(Exchange.EXCEPTION_CAUGHT));
            result.setRouteStop(true);
        }
        if (newExchange.getException() != null) {
            result.setException(newExchange.getException());
        }
        return result;
    }
}
