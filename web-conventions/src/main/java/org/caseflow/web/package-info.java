/** HTTP input rules every service shares: a body size limit and strings without control characters. */
package org.caseflow.web;
