package org.caseflow.localrun;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a test's receiver of external messages (an SMTP server, a webhook endpoint) keeps: every message
 * as it arrived, and the answer to the next one held back when asked (see {@link HeldAnswer}).
 *
 * @param <M> one message as it arrived
 */
abstract class Receiver<M> implements AutoCloseable {

    private final List<M> received = new CopyOnWriteArrayList<>();
    private final HeldAnswer.Next next = new HeldAnswer.Next();

    List<M> received() {
        return List.copyOf(received);
    }

    /** Holds the answer to the next message until it is released. */
    HeldAnswer holdNext() {
        return next.hold();
    }

    /** Called by the server with a message in hand, before it answers: notes it, and holds if asked to. */
    protected void arrived(M message) {
        received.add(message);
        next.holdIfAsked();
    }

    @Override
    public void close() {
        next.releasePending();
        stopServer();
    }

    protected abstract void stopServer();
}
