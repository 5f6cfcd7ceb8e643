package org.imageproc.observe;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ContextEvents;
import org.apache.camel.StartupListener;
import org.apache.camel.clock.Clock;
import org.imageproc.aws.AwsClients;
import org.imageproc.aws.LocalStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The last lines of a start: every endpoint as bound, the local stack's with its credentials, then "ready in". */
final class StartupSummary implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(StartupSummary.class);

    private final AwsClients aws;

    StartupSummary(AwsClients aws) {
        this.aws = aws;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the summary waits for the routes, so that it is the last thing a start prints
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        Map<String, String> lines = new LinkedHashMap<>(HttpServers.endpoints(context));
        aws.localStack().map(LocalStack::summary).ifPresent(lines::putAll);
        StringBuilder text = new StringBuilder("Endpoints");
        lines.forEach((label, line) -> text.append(String.format("%n  %-12s %s", label, line)));
        LOG.info(text.toString());
        LOG.info(String.format(Locale.ROOT, "%s ready in %.1f s", context.getName(),
                sinceBoot(context).toMillis() / 1000.0));
    }

    /** Since camel-main began (the JVM's first moments are not counted), or since the context started without it. */
    private static Duration sinceBoot(CamelContext context) {
        Clock boot = context.getClock().get(ContextEvents.BOOT);
        return boot != null ? Duration.ofMillis(boot.elapsed()) : context.getUptime();
    }
}
