package org.imageproc.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

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
            Future<DynaliteServer> dynamoDb = pool.submit(() -> prepared(DynaliteServer.start(settings),
                    server -> Provisioning.tables(settings, server.port())));
            Future<SqsServer> sqs = pool.submit(() -> SqsServer.start(settings));
            Future<S3Server> s3 = pool.submit(() -> prepared(S3Server.start(settings),
                    server -> server.ensureBucket(settings.bucket())));
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
            return new Servers(dynamoDb.get(), sqs.get(), s3.get());
        } finally {
            pool.shutdown();
        }
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
