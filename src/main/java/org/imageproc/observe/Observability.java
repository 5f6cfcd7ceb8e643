package org.imageproc.observe;

import java.time.Clock;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.imageproc.aws.AwsClients;
import org.imageproc.config.Config;
import org.imageproc.outage.Probes;
import org.imageproc.run.StepListener;

/** Installs what an operator watches: pipeline metrics and MBeans, AWS readiness, remote JMX, the startup summary. */
public final class Observability {

    private Observability() {
    }

    /**
     * The registry camel-micrometer-prometheus serves at /observe/metrics; without it (metrics off) a registry of its
     * own, whose figures only JMX shows.
     */
    public static MeterRegistry meters(CamelContext context) {
        MeterRegistry registry = context.getRegistry()
                .lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        return registry == null ? new SimpleMeterRegistry() : registry;
    }

    public static void install(CamelContext context, MeterRegistry registry, Config config, AwsClients aws,
            Probes probes, Clock clock, Consumer<StepListener> steps) throws Exception {
        PipelineMetrics metrics = new PipelineMetrics(registry, clock);
        MBeans mbeans = new MBeans(context, new PipelineView(metrics));
        context.addService(mbeans);
        MetricsPolicyFactory metricsPolicy = new MetricsPolicyFactory(metrics, mbeans);
        context.addRoutePolicyFactory(metricsPolicy);
        steps.accept(metricsPolicy);

        context.getRegistry().bind("awsReadinessCheck", new AwsReadinessCheck(aws, probes));
        context.addStartupListener(new StartupSummary(aws));

        String jmxPort = config.optional("imageproc.jmx.port");
        if (!jmxPort.isEmpty()) {
            context.addService(new RemoteJmx(Integer.parseInt(jmxPort), config.string("imageproc.jmx.host")));
        }
    }
}
