package org.imageproc.observe;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the pipeline's MBeans under the {@code org.imageproc} domain of the platform MBean server while the
 * CamelContext runs, named after its JMX management name like Camel's own MBeans.
 */
final class MBeans extends ServiceSupport {

    static final String DOMAIN = "org.imageproc";

    private static final Logger LOG = LoggerFactory.getLogger(MBeans.class);

    private final CamelContext context;
    private final PipelineView pipeline;
    private final Map<String, StepView> steps = new LinkedHashMap<>();
    private final List<ObjectName> registered = new ArrayList<>();
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    MBeans(CamelContext context, PipelineView pipeline) {
        this.context = context;
        this.pipeline = pipeline;
    }

    synchronized void registerStep(String step, StepView view) {
        steps.put(step, view);
        if (isStarted()) {
            register(stepName(step), view);
        }
    }

    @Override
    protected synchronized void doStart() {
        register(name("type=pipeline"), pipeline);
        steps.forEach((step, view) -> register(stepName(step), view));
    }

    @Override
    protected synchronized void doStop() {
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                LOG.debug("MBean {} was already gone", name);
            }
        }
        registered.clear();
    }

    private ObjectName stepName(String step) {
        return name("type=steps,name=" + value(step));
    }

    private ObjectName name(String properties) {
        String contextName = context.getManagementName() != null ? context.getManagementName() : context.getName();
        try {
            return new ObjectName(DOMAIN + ":context=" + value(contextName) + "," + properties);
        } catch (JMException e) {
            throw new IllegalStateException("Bad MBean name for " + properties, e);
        }
    }

    private static String value(String value) {
        return value.matches("[\\w.-]+") ? value : ObjectName.quote(value);
    }

    // a second service in the same JVM (tests) must not take over the first one's MBeans
    private void register(ObjectName name, Object mbean) {
        if (registered.contains(name)) {
            return;
        }
        try {
            server.registerMBean(mbean, name);
            registered.add(name);
        } catch (JMException e) {
            LOG.warn("MBean {} not registered: {}", name, e.getMessage());
        }
    }
}
