/** The case event contracts shared by every service: topics, event types and their wire format. */
package org.caseflow.events;
