/** Real infrastructure started from Java, with nothing installed: PostgreSQL and a Kafka broker in KRaft mode. */
package org.caseflow.infra;
