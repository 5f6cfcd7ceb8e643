package org.imageproc.memory;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every few seconds hands the native memory glibc's malloc keeps after a burst back to the system, through the JVM's
 * own {@code System.trim_native_heap} (malloc_trim). Without it the freed memory of the detector, the decoders and
 * the JIT compilers stays in up to 8 malloc arenas per core and the RSS only ever grows (docs/benchmarks.md, memory).
 */
public final class NativeHeapTrim extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(NativeHeapTrim.class);
    private static final String DIAGNOSTIC_COMMANDS = "com.sun.management:type=DiagnosticCommand";
    private static final String TRIM = "systemTrimNativeHeap";

    private final CamelContext context;
    private final Duration every;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private ScheduledExecutorService executor;

    NativeHeapTrim(CamelContext context, Duration every) {
        this.context = context;
        this.every = every;
    }

    /** Trims every {@code every} while the context runs; zero or less: never. */
    public static void install(CamelContext context, Duration every) throws Exception {
        if (every.isZero() || every.isNegative()) {
            return;
        }
        context.addService(new NativeHeapTrim(context, every), true, true);
    }

    @Override
    protected void doStart() {
        if (!available()) {
            LOG.info("This JVM cannot trim the native heap (no System.trim_native_heap: not glibc, or before 17.0.2)");
            return;
        }
        executor = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "native-heap-trim");
        executor.scheduleWithFixedDelay(this::trim, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (executor != null) {
            context.getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
    }

    private boolean available() {
        try {
            return Arrays.stream(server.getMBeanInfo(new ObjectName(DIAGNOSTIC_COMMANDS)).getOperations())
                    .anyMatch(operation -> TRIM.equals(operation.getName()));
        } catch (JMException e) {
            return false;
        }
    }

    /** One trim now; the JVM's answer ("Trim native heap: RSS+Swap: 820M->760M"), empty when it failed. */
    String trim() {
        long begin = System.nanoTime();
        try {
            String result = String.valueOf(server.invoke(new ObjectName(DIAGNOSTIC_COMMANDS), TRIM,
                    new Object[] {new String[0]}, new String[] {String[].class.getName()})).trim();
            LOG.debug("{} in {} µs", result, (System.nanoTime() - begin) / 1000);
            return result;
        } catch (JMException | RuntimeException e) {
            LOG.warn("Trimming the native heap failed, not tried again: {}", e.getMessage());
            doStop();
            return "";
        }
    }
}
