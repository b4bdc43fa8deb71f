/**
 * The REST API of notification-service: the agency directory, the routes, each agency's inbox and the
 * deliveries; errors as RFC 9457 problem details.
 */
package org.caseflow.notifications.web;
