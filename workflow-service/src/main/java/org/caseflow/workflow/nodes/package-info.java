/** workflow-service as one node of several on one database. */
package org.caseflow.workflow.nodes;
