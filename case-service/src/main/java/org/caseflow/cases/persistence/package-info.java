/** Cases and timelines in PostgreSQL (tables made by the Flyway migrations in db/migration). */
package org.caseflow.cases.persistence;
