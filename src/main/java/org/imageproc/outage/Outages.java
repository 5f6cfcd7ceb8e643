package org.imageproc.outage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Which dependencies are unavailable right now, learnt from every AWS call the service makes (and the probes of the
 * {@link OutageWatcher}). An outage is logged once when it starts, summarised while it lasts, and once when it ends;
 * the retries and failed deliveries it causes are noted here instead of logged one by one. Listeners (the consumer's
 * pause) hear of every change.
 */
public final class Outages {

    private static final Logger LOG = LoggerFactory.getLogger(Outages.class);
    // images named in a summary are counted, not listed; a bound keeps a long outage's memory small
    private static final int MAX_TRACKED_IMAGES = 10_000;

    private final Clock clock;
    private final Duration summaryEvery;
    private final Map<Dependency, Outage> current = new EnumMap<>(Dependency.class);
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public Outages(Clock clock, Duration summaryEvery) {
        this.clock = clock;
        this.summaryEvery = summaryEvery;
    }

    /** What a client needs to report here: its interceptor, for {@code overrideConfiguration}. */
    public ExecutionInterceptor interceptor(Dependency dependency) {
        return new OutageInterceptor(dependency, this);
    }

    /**
     * Starts asking, every {@code every}, the dependencies found away whether they are back, with the context's
     * lifecycle; {@code localDynamoDbOutage} says when the embedded DynamoDB is being restarted.
     */
    public void watch(CamelContext context, Probes probes, Supplier<Optional<String>> localDynamoDbOutage,
            Duration every) throws Exception {
        context.addService(new OutageWatcher(context, this, probes, localDynamoDbOutage, every));
    }

    /** Called on every change of what is unavailable, on the thread that saw it. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** A call to the dependency got no useful answer. */
    public void failed(Dependency dependency, String reason) {
        boolean started;
        synchronized (this) {
            Outage outage = current.get(dependency);
            started = outage == null;
            if (started) {
                outage = new Outage(clock.instant());
                current.put(dependency, outage);
            }
            outage.reason = reason;
            outage.failedSinceSummary++;
        }
        if (started) {
            LOG.warn("{} is unavailable: {}. Images in flight wait and retry{}", dependency.title(), reason,
                    dependency.probed() ? "; no new event is taken from the queue until it answers again" : "");
            changed();
        }
    }

    /** A call to the dependency was answered. */
    public void answered(Dependency dependency) {
        Outage ended;
        synchronized (this) {
            ended = current.remove(dependency);
        }
        if (ended != null) {
            LOG.info("{} is back after {} s{}", dependency.title(), seconds(ended.since), ended.waited());
            changed();
        }
    }

    /**
     * Notes that an image waits because of an outage already reported, instead of logging it again; false (log it
     * yourself) when the dependency is not known to be away.
     */
    boolean waiting(Dependency dependency, String image) {
        synchronized (this) {
            Outage outage = current.get(dependency);
            if (outage == null) {
                return false;
            }
            outage.waitingSinceSummary++;
            if (image != null && outage.images.size() < MAX_TRACKED_IMAGES) {
                outage.images.add(image);
            }
            return true;
        }
    }

    /**
     * Whether an outage already reported explains the failure (an {@link DependencyUnavailableException} in its
     * causes, of a dependency known to be away): then the image is noted as waiting and the caller logs nothing.
     */
    public boolean explains(Throwable failure, String image) {
        DependencyUnavailableException unavailable = DependencyUnavailableException.in(failure);
        return unavailable != null && waiting(unavailable.dependency(), image);
    }

    public synchronized boolean isDown(Dependency dependency) {
        return current.containsKey(dependency);
    }

    /** The dependencies unavailable now. */
    public synchronized Set<Dependency> down() {
        return current.isEmpty() ? EnumSet.noneOf(Dependency.class) : EnumSet.copyOf(current.keySet());
    }

    /** Logs one line per outage that lasted another summary period and was asked about meanwhile. */
    public void summarise() {
        Instant now = clock.instant();
        synchronized (this) {
            current.forEach((dependency, outage) -> {
                if (Duration.between(outage.lastSummary, now).compareTo(summaryEvery) >= 0) {
                    outage.lastSummary = now;
                    // an outage nothing asked about meanwhile (no probe, no image) has nothing new to say
                    if (outage.waitingSinceSummary > 0 || outage.failedSinceSummary > 0) {
                        LOG.warn("{} is still unavailable after {} s ({}); {} calls failed since the last report{}",
                                dependency.title(), seconds(outage.since), outage.reason, outage.failedSinceSummary,
                                outage.waited());
                    }
                    outage.waitingSinceSummary = 0;
                    outage.failedSinceSummary = 0;
                }
            });
        }
    }

    private long seconds(Instant since) {
        return Math.max(0, Duration.between(since, clock.instant()).toSeconds());
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    /** One ongoing outage of one dependency. */
    private static final class Outage {

        final Instant since;
        final Set<String> images = new HashSet<>();
        Instant lastSummary;
        String reason;
        long waitingSinceSummary;
        long failedSinceSummary;

        Outage(Instant since) {
            this.since = since;
            this.lastSummary = since;
        }

        String waited() {
            return images.isEmpty() ? "" : "; " + images.size() + (images.size() == 1 ? " image" : " images")
                    + " waited for it";
        }
    }
}
