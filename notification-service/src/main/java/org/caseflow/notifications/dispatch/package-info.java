/**
 * The Kafka listeners, and what they do with each case event: route it, write each agency's notification
 * in its language, and schedule its deliveries, all in one transaction with the processed-event mark.
 */
package org.caseflow.notifications.dispatch;
