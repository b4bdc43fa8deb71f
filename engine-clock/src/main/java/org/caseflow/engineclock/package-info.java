/** For tests only: the engine's clock set from a file, so that deadlines can be tested at their boundaries through the real services. */
package org.caseflow.engineclock;
