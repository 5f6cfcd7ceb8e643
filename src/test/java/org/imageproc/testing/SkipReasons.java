package org.imageproc.testing;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says on the build's console why tests were skipped, once per test class and reason, when the test JVM's tests are
 * done: surefire and failsafe only count skipped tests, and keep the tests' own output in files. A JUnit listener
 * (META-INF/services), writing to the test JVM's own stderr, which Maven shows as it is.
 */
public final class SkipReasons implements TestExecutionListener {

    private final Map<String, Integer> skipped = new TreeMap<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        count(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            count(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted, no reason given"));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (skipped.isEmpty()) {
            return;
        }
        PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        skipped.forEach((skip, times) -> console.println("[SKIPPED] " + skip
                + (times > 1 ? " (" + times + " tests)" : "")));
    }

    private synchronized void count(TestIdentifier test, String reason) {
        skipped.merge(testClass(test) + ": " + reason, 1, Integer::sum);
    }

    private static String testClass(TestIdentifier test) {
        return test.getSource().map(source -> source instanceof MethodSource method ? method.getClassName()
                : source instanceof ClassSource type ? type.getClassName() : test.getDisplayName())
                .orElse(test.getDisplayName());
    }
}
