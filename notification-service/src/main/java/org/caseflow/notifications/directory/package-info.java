/** The agency directory: each agency's name, language, contacts, channels and on-call hours. */
package org.caseflow.notifications.directory;
