package org.imageproc.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Port helpers for servers that cannot report the port they bound themselves. */
final class Ports {

    private static final Duration POLL = Duration.ofMillis(25);

    private Ports() {
    }

    /** The port itself, or for 0 one that is free right now on that host. */
    static int resolve(String host, int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + host, e);
        }
    }

    /** Waits until something accepts connections on host:port; false if the process died or time ran out. */
    static boolean awaitListening(String host, int port, Duration timeout, BooleanSupplier alive)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (alive.getAsBoolean() && System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), (int) POLL.toMillis());
                return true;
            } catch (IOException notYet) {
                Thread.sleep(POLL.toMillis());
            }
        }
        return false;
    }
}
