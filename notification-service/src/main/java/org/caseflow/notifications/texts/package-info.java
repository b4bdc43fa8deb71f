/**
 * The texts of notifications: Mustache templates in Albanian (the default) and English, rendered from
 * a fixed set of facts that never includes a child's name or story.
 */
package org.caseflow.notifications.texts;
