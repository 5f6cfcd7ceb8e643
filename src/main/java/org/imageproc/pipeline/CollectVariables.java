package org.imageproc.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.imageproc.run.RunStatus;
import org.imageproc.run.StepRecord;
import org.imageproc.run.Variables;

/** Merges the variables each parallel branch produced into one exchange, and stops the flow if a branch rejected the image. */
public class CollectVariables implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        Exchange result = oldExchange == null ? newExchange : oldExchange;
        if (oldExchange != null) {
            Map<String, StepRecord> steps = mergedSteps(oldExchange, newExchange);
            newExchange.getVariables().forEach(result::setVariable);
            result.setVariable(Variables.STEPS, steps);
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

    /** Each branch recorded its own steps on a copy of the steps before the fork; a step finished wins over running. */
    @SuppressWarnings("unchecked")
    private static Map<String, StepRecord> mergedSteps(Exchange oldExchange, Exchange newExchange) {
        Map<String, StepRecord> merged = new LinkedHashMap<>();
        for (Exchange exchange : List.of(oldExchange, newExchange)) {
            Map<String, StepRecord> steps = exchange.getVariable(Variables.STEPS, Map.class);
            if (steps != null) {
                steps.forEach((name, step) -> merged.merge(name, step,
                        (kept, other) -> RunStatus.RUNNING.is(kept.status()) ? other : kept));
            }
        }
        return Collections.unmodifiableMap(merged);
    }
}
