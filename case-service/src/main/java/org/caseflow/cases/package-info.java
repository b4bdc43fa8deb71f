/** case-service: takes reports, keeps the case record and its timeline. */
package org.caseflow.cases;
