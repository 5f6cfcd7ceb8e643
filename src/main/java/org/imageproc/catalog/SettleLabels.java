package org.imageproc.catalog;

import java.util.function.Consumer;

import org.apache.camel.Handler;
import org.apache.camel.Variable;
import org.imageproc.run.Execution;
import org.imageproc.run.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/** After a run's final write, takes away the search entries its item no longer backs ({@link LabelIndex#settle}). */
public final class SettleLabels {

    private static final Logger LOG = LoggerFactory.getLogger(SettleLabels.class);

    private final Consumer<Execution> settle;

    public SettleLabels(Consumer<Execution> settle) {
        this.settle = settle;
    }

    @Handler
    public void settle(@Variable(Variables.EXECUTION) Execution execution) {
        try {
            settle.accept(execution);
        } catch (SdkException e) {
            // the run SUCCEEDED; a search checks each hit against the item, so a stale entry is never shown
            LOG.warn("Stale search entries of {} stay for now: {}", execution.key(), e.getMessage());
        }
    }
}
