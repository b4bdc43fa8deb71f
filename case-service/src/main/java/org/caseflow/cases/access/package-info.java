/** Who may read and change a case: the agencies that take part in it and supervisors; sharing on consent; the audit log of every look. */
package org.caseflow.cases.access;
