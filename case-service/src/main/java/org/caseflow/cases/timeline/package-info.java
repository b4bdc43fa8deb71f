/** Keeps each case's timeline and status in step with the workflow events from Kafka. */
package org.caseflow.cases.timeline;
