/** The benchmark run on demand: the whole pipeline at rising open-loop rates, and the bare engine on the same PostgreSQL. */
package org.caseflow.benchmark;
