/**
 * Delivery of notifications beyond the inbox: one row per notification and channel, sent by a worker
 * per channel that claims due rows, retries with backoff and gives up; and the channels themselves
 * (email over SMTP, signed webhooks, an SMS gateway).
 */
package org.caseflow.notifications.delivery;
