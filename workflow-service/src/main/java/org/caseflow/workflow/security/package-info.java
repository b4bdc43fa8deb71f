/**
 * Who may see and do what in workflow-service: users and agency groups from configuration, written to
 * Camunda's identity service; Camunda authorization on; HTTP Basic on /engine-rest and the API.
 */
package org.caseflow.workflow.security;
