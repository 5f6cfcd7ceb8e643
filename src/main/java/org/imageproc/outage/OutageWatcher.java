package org.imageproc.outage;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every few seconds: asks each dependency found away whether it answers again (so that the consumer resumes even
 * when no image is in flight to find out), notes a local DynamoDB being restarted before any call fails on it, and
 * has {@link Outages} summarise what lasts.
 */
final class OutageWatcher extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(OutageWatcher.class);

    private final CamelContext context;
    private final Outages outages;
    private final Probes probes;
    private final Supplier<Optional<String>> localDynamoDbOutage;
    private final Duration every;
    private ScheduledExecutorService executor;

    OutageWatcher(CamelContext context, Outages outages, Probes probes,
            Supplier<Optional<String>> localDynamoDbOutage, Duration every) {
        this.context = context;
        this.outages = outages;
        this.probes = probes;
        this.localDynamoDbOutage = localDynamoDbOutage;
        this.every = every;
    }

    @Override
    protected void doStart() {
        executor = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "outage-watcher");
        executor.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (executor != null) {
            context.getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
    }

    void check() {
        try {
            Optional<String> local = localDynamoDbOutage.get();
            local.ifPresent(reason -> outages.failed(Dependency.DYNAMODB, reason));
            for (Dependency dependency : outages.down()) {
                if (dependency.probed() && !(dependency == Dependency.DYNAMODB && local.isPresent())) {
                    // the clients' interceptors tell Outages what the probe found
                    probes.answers(dependency);
                }
            }
            outages.summarise();
        } catch (RuntimeException e) {
            LOG.warn("Checking on unavailable services failed: {}", e.toString());
        }
    }
}
