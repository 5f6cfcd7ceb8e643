package org.imageproc.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.imageproc.aws.LocalStackSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three local servers, each started, and its bucket or tables provisioned, in a thread of its own. Only dynalite
 * is a process of its own that can die alone, so only it is supervised; s3proxy and ElasticMQ run inside this JVM
 * and cannot die separately from it.
 */
record Servers(DynaliteServer dynamoDb, SqsServer sqs, S3Server s3) {

    private static final Logger LOG = LoggerFactory.getLogger(Servers.class);

    static Servers start(LocalStackSettings settings) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            long begin = System.nanoTime();
            Map<String, Duration> took = new ConcurrentHashMap<>();
            Future<DynaliteServer> dynamoDb = pool.submit(() -> timed("DynamoDB", took, begin, () -> prepared(
                    DynaliteServer.start(settings), server -> Provisioning.tables(settings, server.port()))));
            Future<SqsServer> sqs = pool.submit(() -> timed("SQS", took, begin, () -> SqsServer.start(settings)));
            Future<S3Server> s3 = pool.submit(() -> timed("S3", took, begin, () -> prepared(S3Server.start(settings),
                    server -> server.ensureBucket(settings.bucket()))));
            ExecutionException failure = null;
            List<AutoCloseable> started = new ArrayList<>();
            for (Future<? extends AutoCloseable> server : List.of(dynamoDb, sqs, s3)) {
                try {
                    started.add(server.get());
                } catch (ExecutionException e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                closeAll(started);
                throw failure.getCause() instanceof Exception cause ? cause : failure;
            }
            LOG.info("Local servers up and provisioned: {}", took.entrySet().stream().sorted(Map.Entry.comparingByValue())
                    .map(e -> String.format(Locale.ROOT, "%s in %.1f s", e.getKey(), e.getValue().toMillis() / 1000.0))
                    .collect(Collectors.joining(", ")));
            return new Servers(dynamoDb.get(), sqs.get(), s3.get());
        } finally {
            pool.shutdown();
        }
    }

    /** Runs a server's start, noting how long after {@code begin} it was up. */
    private static <T> T timed(String name, Map<String, Duration> took, long begin, Callable<T> start)
            throws Exception {
        T server = start.call();
        took.put(name, Duration.ofNanos(System.nanoTime() - begin));
        return server;
    }

    /** Provisions a server in its own start thread, off the path of the slower ones; stops it if that fails. */
    private static <T extends AutoCloseable> T prepared(T server, Consumer<T> provisioning) throws Exception {
        try {
            provisioning.accept(server);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Closes in reverse order, each one even when an earlier one fails. */
    static void closeAll(List<? extends AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("Could not stop {} cleanly", resources.get(i).getClass().getSimpleName(), e);
            }
        }
    }
}
