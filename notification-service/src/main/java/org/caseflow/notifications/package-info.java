/** notification-service: tells the agency that must act about the case events that concern it. */
package org.caseflow.notifications;
