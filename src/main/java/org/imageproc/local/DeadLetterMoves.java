package org.imageproc.local;

import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.elasticmq.actor.queue.OperationStatus;
import org.elasticmq.actor.queue.QueueEvent;
import scala.Option;

/**
 * Stands between ElasticMQ's queues and its H2 store, passing every change on, and adds what ElasticMQ 1.7.1 leaves
 * out: a message it moves to the dead-letter queue while answering a long poll is stored in the dead-letter queue but
 * never removed from its queue's table. That stale row would bring the message back to the queue at the next start,
 * and makes moving it back ({@code start-message-move-task}) fail in the store with a duplicate key.
 */
final class DeadLetterMoves extends AbstractActor {

    private final ActorRef store;

    DeadLetterMoves(ActorRef store) {
        this.store = store;
    }

    @Override
    public Receive createReceive() {
        return receiveBuilder()
                .match(QueueEvent.MessageAdded.class, this::added)
                // the store's answers to the removals sent here; the queues' own events are answered to them
                .match(OperationStatus.class, answer -> { })
                .matchAny(event -> store.forward(event, getContext()))
                .build();
    }

    private void added(QueueEvent.MessageAdded added) {
        Option<String> source = added.message().deadLetterSourceQueueName();
        if (source.isDefined() && !source.get().equals(added.queueName())) {
            // removing a row the move already removed (a short poll's move) changes nothing
            store.tell(new QueueEvent.MessageRemoved(source.get(), added.message().id()), getSelf());
        }
        store.forward(added, getContext());
    }
}
