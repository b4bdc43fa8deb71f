/** Starts the whole system on one machine: Kafka, PostgreSQL and the three services, for ./run.sh and the end-to-end tests. */
package org.caseflow.localrun;
