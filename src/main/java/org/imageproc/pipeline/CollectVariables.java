package org.imageproc.pipeline;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.imageproc.run.Variables;

/** Merges the variables each parallel branch produced into one exchange, and stops the flow if a branch rejected the image. */
public class CollectVariables implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        Exchange result = oldExchange == null ? newExchange : oldExchange;
        if (oldExchange != null) {
            newExchange.getVariables().forEach(result::setVariable);
        }
        if (newExchange.getException() != null) {
            result.setException(newExchange.getException());
        } else if (newExchange.getVariable(Variables.FAILURE) != null
                || newExchange.getVariable(Variables.SUPERSEDED) != null) {
            // a branch that recorded the image as FAILED, or found the run superseded, must not let the flow go on
            result.setRouteStop(true);
        }
        return result;
    }
}
