package org.imageproc.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import org.imageproc.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the JVM that runs the stack, with a real process and a real SIGKILL: its dynalite child ends with it,
 * the DynamoDB port and the data directory are free again, and the next stack starts on both.
 */
class KillIT {

    @TempDir
    Path dataDir;

    @Test
    void dynaliteEndsWithItsJvmAndTheNextStartOwnsThePortAndTheDataDirectory() throws Exception {
        int dynamoDbPort = TestService.freePort();
        ProcessHandle dynalite;
        try (StackInChildJvm child = StackInChildJvm.start(dataDir, dynamoDbPort)) {
            dynalite = child.handle().descendants().filter(process -> process.pid() == child.dynamoDbPid())
                    .findFirst().orElseThrow();
            assertThatThrownBy(() -> StackClients.start(StackClients.onFreePorts(dataDir)))
                    .hasMessageContaining("The data directory " + dataDir.toRealPath()
                            + " is in use by another running imageproc (pid " + child.handle().pid() + ")");

            assertThat(child.handle().destroyForcibly()).isTrue();

            await().atMost(Duration.ofSeconds(10)).until(() -> !dynalite.isAlive());
            await().atMost(Duration.ofSeconds(5)).until(() -> isFree(dynamoDbPort));
        }

        try (LocalAwsStack next = StackClients.start(StackClients.onPorts(dataDir, 0, 0, dynamoDbPort))) {
            assertThat(next.dynamoDbEndpoint().getPort()).isEqualTo(dynamoDbPort);
            assertThat(next.dynamoDbPid()).isNotEqualTo(dynalite.pid());
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException held) {
            return false;
        }
    }
}
