/** The REST API of notification-service: each agency's notifications. */
package org.caseflow.notifications.web;
