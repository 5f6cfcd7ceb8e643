package org.imageproc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

/** ThreadCpu against this JVM's own threads, read from /proc. */
class ThreadCpuTest {

    @Test
    void aThreadsCpuIsCountedUnderItsNameWithTheNumbersTakenOut() throws InterruptedException {
        CountDownLatch burnt = new CountDownLatch(1);
        CountDownLatch measured = new CountDownLatch(1);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ThreadCpu before = ThreadCpu.of(ProcessHandle.current().pid());
        Thread busy = new Thread(() -> {
            long spins = 0;
            // about 300 ms of this thread's own CPU, counted by the JVM, not by the clock
            while (threads.getCurrentThreadCpuTime() < 300_000_000L) {
                spins++;
            }
            burnt.countDown();
            try {
                measured.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertThat(spins).isPositive();
        }, "busy-42");
        busy.start();
        burnt.await();
        Map<String, Long> since = ThreadCpu.of(ProcessHandle.current().pid()).since(before);
        measured.countDown();
        busy.join();

        // started after the first snapshot, so all of its CPU counts; the kernel's ticks are 10 ms
        assertThat(since.get("busy-#")).isBetween(250L, 1_000L);
        assertThat(since.keySet()).doesNotContain("busy-42");
        assertThat(ThreadCpu.group("Camel (camel-1) thread #12 - image-steps"))
                .isEqualTo("Camel (camel-#) thread ## - image-steps");
    }
}
