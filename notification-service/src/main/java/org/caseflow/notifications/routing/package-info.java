/**
 * Routing as data: the routes saying which event notifies which agencies, with what urgency and which
 * text, and the router that applies them to each event. No agency is named in this code.
 */
package org.caseflow.notifications.routing;
