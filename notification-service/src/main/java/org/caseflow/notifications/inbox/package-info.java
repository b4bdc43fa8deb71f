/** The notifications recorded for each agency, and the listener that records them from the case events. */
package org.caseflow.notifications.inbox;
