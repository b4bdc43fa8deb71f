/** Each agency's inbox: the notifications it got, urgent ones first, and what it acknowledged. */
package org.caseflow.notifications.inbox;
