package org.caseflow.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Under {@code caseflow.web}.
 *
 * @param maxBodySize the largest request body taken; larger ones get 413 before they are read
 */
@ConfigurationProperties("caseflow.web")
public record WebConventionsProperties(@DefaultValue("256KB") DataSize maxBodySize) {
}
