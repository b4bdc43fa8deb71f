/** The REST API of case-service: reporting a case and reading it back with its timeline. */
package org.caseflow.cases.web;
