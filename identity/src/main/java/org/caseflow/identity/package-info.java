/** Who is calling: the users and agency groups every service shares, HTTP Basic on every API, the caller of a request. */
package org.caseflow.identity;
