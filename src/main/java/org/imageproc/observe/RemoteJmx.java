package org.imageproc.observe;

import java.io.IOException;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.util.Map;

import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;

import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote JMX for jconsole and VisualVM on one port (registry and connection alike, so {@code kubectl port-forward}
 * of that single port is enough), listening on the loopback interface only: it has no authentication.
 */
final class RemoteJmx extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteJmx.class);

    private final int port;
    private final String host;
    private Registry registry;
    private JMXConnectorServer connector;

    RemoteJmx(int port, String host) {
        this.port = port;
        this.host = host;
    }

    /** The address jconsole takes. */
    String address() {
        return host + ":" + port;
    }

    @Override
    protected void doStart() throws IOException {
        // the stubs handed to clients carry this host name; with port-forward the client reaches it as localhost
        System.setProperty("java.rmi.server.hostname", host);
        LoopbackSockets sockets = new LoopbackSockets();
        registry = LocateRegistry.createRegistry(port, null, sockets);
        JMXServiceURL url = new JMXServiceURL(
                "service:jmx:rmi://" + host + ":" + port + "/jndi/rmi://" + host + ":" + port + "/jmxrmi");
        connector = JMXConnectorServerFactory.newJMXConnectorServer(url,
                Map.of(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, sockets),
                ManagementFactory.getPlatformMBeanServer());
        connector.start();
        LOG.info("Remote JMX on {} (loopback only): jconsole {}", url, address());
    }

    @Override
    protected void doStop() throws IOException {
        if (connector != null) {
            connector.stop();
        }
        if (registry != null) {
            UnicastRemoteObject.unexportObject(registry, true);
        }
    }

    /** Server sockets on the loopback interface; equal instances let the registry and the connector share the port. */
    private record LoopbackSockets() implements RMIServerSocketFactory, Serializable {

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        }
    }
}
