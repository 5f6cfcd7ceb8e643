package org.imageproc.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import org.imageproc.aws.LocalStackSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stack never talks to a server it did not start: a port held by another process, or a data directory another
 * stack uses, stops the start at once with a message that names the port or directory and its holder.
 */
class OwnershipIT {

    private static final Duration AT_ONCE = Duration.ofSeconds(3);
    private static final long SELF = ProcessHandle.current().pid();

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"s3", "sqs", "dynamodb"})
    void aPortHeldByAnotherProcessStopsTheStartNamingThePortAndItsHolder(String server) throws Exception {
        Leftovers leftovers = new Leftovers();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            LocalStackSettings clash = StackClients.onPorts(dataDir, server.equals("s3") ? port : 0,
                    server.equals("sqs") ? port : 0, server.equals("dynamodb") ? port : 0);

            long began = System.nanoTime();
            assertThatThrownBy(() -> StackClients.start(clash)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Port " + port + " on 127.0.0.1 is held by pid " + SELF + " (")
                    .hasMessageContaining("imageproc.local." + server + "-port");
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(AT_ONCE);
        }
        leftovers.assertNoneRemain();
    }

    @Test
    void aDataDirectoryInUseIsRefusedAtOnceAndFreeAgainOnceItsStackStops() throws Exception {
        LocalAwsStack first = StackClients.start(StackClients.onFreePorts(dataDir));
        try {
            long began = System.nanoTime();
            assertThatThrownBy(() -> StackClients.start(StackClients.onFreePorts(dataDir)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("The data directory " + dataDir.toRealPath() + " is in use by another local "
                            + "stack in this process (pid " + SELF + ")")
                    .hasMessageContaining("imageproc.data-dir");
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(AT_ONCE);
        } finally {
            first.close();
        }

        StackClients.start(StackClients.onFreePorts(dataDir)).close();
    }
}
