/** Who may call which part of notification-service's API, with the identities every service shares. */
package org.caseflow.notifications.security;
