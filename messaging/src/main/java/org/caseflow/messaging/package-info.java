/** Publishing and consuming case events reliably: transactional outbox and relay, idempotent consumers, dead letters. */
package org.caseflow.messaging;
