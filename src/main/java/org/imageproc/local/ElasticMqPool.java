package org.imageproc.local;

import java.util.ArrayDeque;
import java.util.Deque;

import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import scalikejdbc.ConnectionPool;
import scalikejdbc.ConnectionPoolSettings;

/**
 * ElasticMQ keeps its H2 connection pool JVM-wide and opens it only on its first start. This hands the pool to the
 * newest local SQS server and back to the previous one when that stops; while two run at once, both persist into the
 * newer one's database, which only tests do.
 */
final class ElasticMqPool {

    private static final Deque<SqlQueuePersistenceConfig> RUNNING = new ArrayDeque<>();

    private ElasticMqPool() {
    }

    static synchronized void acquire(SqlQueuePersistenceConfig database) {
        RUNNING.addLast(database);
        use(database);
    }

    /** True when no other server is left, so that the pool was closed and the H2 file released. */
    static synchronized boolean release(SqlQueuePersistenceConfig database) {
        RUNNING.removeLastOccurrence(database);
        if (RUNNING.isEmpty()) {
            ConnectionPool.closeAll();
            return true;
        }
        use(RUNNING.getLast());
        return false;
    }

    private static void use(SqlQueuePersistenceConfig db) {
        ConnectionPoolSettings defaults = ConnectionPool.singleton$default$4();
        ConnectionPool.singleton(db.uri(), db.username(), db.password(), defaults,
                ConnectionPool.singleton$default$5(db.uri(), db.username(), db.password(), defaults));
    }
}
