/** workflow-service: runs the emergency response procedure on Camunda 7 and publishes what it does. */
package org.caseflow.workflow;
