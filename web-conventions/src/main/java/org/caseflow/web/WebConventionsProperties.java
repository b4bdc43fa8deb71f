package org.caseflow.web;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Under {@code caseflow.web}.
 *
 * @param maxBodySize         the largest request body taken on any path; larger ones get 413 before they are read
 * @param largerBodies        paths (Ant patterns) that take larger bodies, each with its own limit (a
 *                            deployment of every model and form at once, from the Modeler)
 * @param sessionGuardedPaths paths (Ant patterns) whose changes a session's CSRF token guards (pages,
 *                            webapps), left out of the cross-site rule ({@link CrossSiteRequestFilter})
 */
@ConfigurationProperties("caseflow.web")
public record WebConventionsProperties(
        @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue Map<String, DataSize> largerBodies,
        @DefaultValue List<String> sessionGuardedPaths) {

    public WebConventionsProperties {
        largerBodies = Map.copyOf(largerBodies);
        sessionGuardedPaths = List.copyOf(sessionGuardedPaths);
    }
}
