/** Who may use which door of case-service: the pages with a session, the API with HTTP Basic. */
package org.caseflow.cases.security;
