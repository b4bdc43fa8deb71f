/** The case record: a report, the children it names, its status, and its timeline. Plain Java, no framework types. */
package org.caseflow.cases.casefile;
