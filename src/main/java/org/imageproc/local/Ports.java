package org.imageproc.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port helpers: a free port for servers that cannot report the port they bound, and a check that a port is free. */
final class Ports {

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

    /**
     * Fails at once unless the port is free on that host, naming it and, where it can be found, the process that holds
     * it: the stack never talks to a server it did not start. A port of 0 is always free.
     */
    static void requireFree(String host, int port, String server, String setting) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1);
        } catch (BindException e) {
            String holder = PortHolder.describe(port).map(process -> "is held by " + process)
                    .orElse("is not available (" + e.getMessage() + ")");
            throw new IllegalStateException("Port " + port + " on " + host + " " + holder + ", so " + server
                    + " cannot start there. Stop that process, or choose another port with " + setting);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check whether port " + port + " on " + host + " is free", e);
        }
    }
}
