package org.imageproc.local;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.elasticmq.server.config.ElasticMQServerConfig;
import org.elasticmq.util.NowProvider;
import org.imageproc.aws.LocalStackSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;
import scala.util.Left;

/**
 * ElasticMQ on the loopback interface with the event queue and its dead-letter queue; queues and messages are kept in
 * an H2 database under the data directory.
 */
final class SqsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsServer.class);
    private static final String ACCOUNT_ID = "000000000000";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ActorSystem system;
    private final SQSRestServer server;
    private final int port;
    private final SqlQueuePersistenceConfig database;

    private SqsServer(ActorSystem system, SQSRestServer server, int port, SqlQueuePersistenceConfig database) {
        this.system = system;
        this.server = server;
        this.port = port;
        this.database = database;
    }

    /**
     * Wires ElasticMQ as its own server does, but on an actor system this class owns, so that a failed start can still
     * stop Pekko's non-daemon threads.
     */
    static SqsServer start(LocalStackSettings settings) throws Exception {
        Path dir = Files.createDirectories(settings.dataDir().resolve("sqs")).toAbsolutePath();
        Config config = config(settings, dir);
        ElasticMQServerConfig parsed = new ElasticMQServerConfig(config);
        SqlQueuePersistenceConfig database = parsed.sqlQueuePersistenceConfig();
        ActorSystem system = ActorSystem.create("elasticmq", config);
        try {
            ElasticMqPool.acquire(database);
            ActorRef store = system.actorOf(Props.create(SqlQueuePersistenceActor.class,
                    () -> new SqlQueuePersistenceActor(database, parsed.baseQueues())));
            ActorRef events = system.actorOf(Props.create(DeadLetterMoves.class, () -> new DeadLetterMoves(store)));
            ActorRef queues = system.actorOf(Props.create(QueueManagerActor.class,
                    () -> new QueueManagerActor(new NowProvider(), StrictSQSLimits$.MODULE$, Option.apply(events))));
            restore(store, queues, database.uri());
            TheSQSRestServerBuilder builder = SQSRestServerBuilder.withActorSystem(system)
                    .withQueueManagerActor(queues)
                    .withQueueEventListener(events)
                    .withInterface(settings.host())
                    .withAWSRegion(settings.region())
                    .withAWSAccountId(ACCOUNT_ID);
            builder = settings.sqsPort() == 0
                    ? builder.withDynamicPort()
                    : builder.withPort(settings.sqsPort())
                            .withServerAddress(new NodeAddress("http", settings.host(), settings.sqsPort(), ""));
            SQSRestServer server = builder.start();
            int port = server.waitUntilStarted().localAddress().getPort();
            return new SqsServer(system, server, port, database);
        } catch (Exception | Error e) {
            ElasticMqPool.release(database);
            terminate(system);
            throw e;
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        try {
            server.stopAndWait();
        } finally {
            terminate(system);
            if (ElasticMqPool.release(database)) {
                unregisterMetrics();
            }
        }
    }

    private static Config config(LocalStackSettings settings, Path dir) {
        String queue = settings.queue();
        String deadLetters = settings.deadLetterQueue();
        Map<String, Object> values = Map.of(
                "messages-storage.enabled", true,
                // the stack closes the database after the server stops; H2's own JVM shutdown hook would close it
                // while the service still deletes the messages of images finishing on SIGTERM
                "messages-storage.uri", "jdbc:h2:" + dir.resolve("elasticmq") + ";DB_CLOSE_ON_EXIT=FALSE",
                // the same for Pekko: the stack terminates the actor system itself, in its turn
                "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off",
                "pekko.jvm-shutdown-hooks", "off",
                ConfigUtil.joinPath("queues", queue, "defaultVisibilityTimeout"), "30 seconds",
                ConfigUtil.joinPath("queues", queue, "deadLettersQueue", "name"), deadLetters,
                ConfigUtil.joinPath("queues", queue, "deadLettersQueue", "maxReceiveCount"),
                LocalStackSettings.MAX_RECEIVE_COUNT,
                ConfigUtil.joinPath("queues", deadLetters, "defaultVisibilityTimeout"), "30 seconds");
        return ConfigFactory.parseMap(values).withFallback(ConfigFactory.load());
    }

    /** Recreates the configured and the persisted queues with their stored messages before the port opens. */
    private static void restore(ActorRef store, ActorRef queues, String database) throws Exception {
        Object result;
        try {
            result = Patterns.ask(store, new QueueEvent.Restore(queues), TIMEOUT)
                    .toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("ElasticMQ did not restore its queues from " + database + " within "
                    + TIMEOUT.toSeconds() + " s; the error logged before this one says why", e);
        }
        if (result instanceof Left<?, ?> errors) {
            throw new IllegalStateException("ElasticMQ could not restore its queues: " + errors.value());
        }
    }

    private static void terminate(ActorSystem system) throws Exception {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** ElasticMQ registers its queue metrics bean once per JVM and never removes it; a restart would see the stale one. */
    private static void unregisterMetrics() {
        MBeanServer beans = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name = new ObjectName("org.elasticmq:name=Queues");
            if (beans.isRegistered(name)) {
                beans.unregisterMBean(name);
            }
        } catch (JMException e) {
            LOG.debug("ElasticMQ metrics bean stays registered", e);
        }
    }
}
