package org.imageproc.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.imageproc.outage.Outages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What the queue consumer has to report, said once: a message left on the queue because its image failed is the
 * pipeline's to log (it did); a failed poll or delete during an outage already reported is noted, not logged; any
 * other failure is one line (a stack trace only for what is not an AWS error), and the same line again at most once
 * a minute, with how often it happened meanwhile.
 */
public class ConsumerErrors implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerErrors.class);
    private static final Duration REPEAT = Duration.ofMinutes(1);

    private final Outages outages;
    private final Clock clock;
    private String last;
    private Instant lastLogged = Instant.MIN;
    private int repeats;

    public ConsumerErrors(Outages outages, Clock clock) {
        this.outages = outages;
        this.clock = clock;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (exchange != null && exchange.getException() != null) {
            LOG.debug("Message left on the queue: {}", exception.getMessage());
            return;
        }
        if (outages.explains(exception, null)) {
            return;
        }
        // with an exchange that did not fail, Camel's consumer could not delete its message
        String what = exchange != null ? "Could not delete the message of a finished run (it comes back, and is then"
                + " skipped as a duplicate)" : message == null ? "The queue consumer failed" : message;
        String line = what + ": " + exception.getMessage();
        int skipped;
        synchronized (this) {
            Instant now = clock.instant();
            if (line.equals(last) && Duration.between(lastLogged, now).compareTo(REPEAT) < 0) {
                repeats++;
                return;
            }
            skipped = line.equals(last) ? repeats : 0;
            last = line;
            lastLogged = now;
            repeats = 0;
        }
        String again = skipped == 0 ? "" : " (" + skipped + " more times in the last minute)";
        if (exception instanceof SdkException) {
            LOG.warn("{}{}", line, again);
        } else {
            LOG.warn("{}{}", line, again, exception);
        }
    }
}
