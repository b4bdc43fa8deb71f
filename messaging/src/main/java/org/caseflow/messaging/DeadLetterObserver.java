package org.caseflow.messaging;

/**
 * Told of every record a consumer of this service gave up on, after it was stored and before it goes
 * to the dead-letter topic. workflow-service uses it to raise an incident on the case's process.
 */
public interface DeadLetterObserver {

    void deadLettered(DeadLetter deadLetter);
}
