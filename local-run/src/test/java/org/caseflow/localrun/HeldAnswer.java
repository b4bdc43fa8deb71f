package org.caseflow.localrun;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A receiver's answer held back: the message has arrived, the sender waits to hear so. A crash of the
 * sender meanwhile is the one moment an external message goes out twice (at least once, never lost).
 */
final class HeldAnswer {

    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** Whether a message arrived and is held, waiting at most the given seconds. */
    boolean awaitArrival(long seconds) throws InterruptedException {
        return arrived.await(seconds, TimeUnit.SECONDS);
    }

    /** Lets the receiver answer. */
    void release() {
        released.countDown();
    }

    /** Called by the receiver with the message in hand: blocks until released (five minutes at most). */
    void holdHere() {
        arrived.countDown();
        try {
            released.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where a receiver holds its answer to the next message, when asked to. */
    static final class Next {

        private final AtomicReference<HeldAnswer> next = new AtomicReference<>();

        /** Holds the answer to the next message until it is released. */
        HeldAnswer hold() {
            HeldAnswer held = new HeldAnswer();
            next.set(held);
            return held;
        }

        /** Called by the receiver with a message in hand. */
        void holdIfAsked() {
            HeldAnswer held = next.getAndSet(null);
            if (held != null) {
                held.holdHere();
            }
        }

        /** Lets a receiver that is closing answer. */
        void releasePending() {
            HeldAnswer held = next.getAndSet(null);
            if (held != null) {
                held.release();
            }
        }
    }
}
