/** The case file pages for caseworkers and supervisors: sign-in, the list of cases with its filters, one case file; in Albanian first. */
package org.caseflow.cases.pages;
