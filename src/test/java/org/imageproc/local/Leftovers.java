package org.imageproc.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What a stopped stack might leave behind, compared with before it started: node children and non-daemon threads. */
final class Leftovers {

    private final Set<Thread> threadsBefore = nonDaemonThreads();
    private final Set<Long> nodesBefore = nodeChildren();

    /** The non-daemon threads started since this snapshot, by name. */
    List<String> newThreads() {
        return nonDaemonThreads().stream().filter(thread -> !threadsBefore.contains(thread))
                .map(Thread::getName).sorted().toList();
    }

    void assertNoneRemain() {
        assertThat(nodeChildren()).isSubsetOf(nodesBefore);
        // the poll runs on this thread, so that Awaitility's own thread is not counted
        await().pollInSameThread().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(newThreads()).isEmpty());
    }

    /** Process ids of node processes this JVM started, such as another test's stack that is still running. */
    private static Set<Long> nodeChildren() {
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().command().filter(command -> command.endsWith("node")).isPresent())
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !thread.isDaemon())
                .collect(Collectors.toSet());
    }
}
