/**
 * notification-service: tells the agency that must act about the case events that concern it, in its
 * language, on the channels it watches, and never more about the child than it needs.
 */
package org.caseflow.notifications;
