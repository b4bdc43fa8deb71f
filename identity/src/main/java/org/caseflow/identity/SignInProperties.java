package org.caseflow.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How wrong passwords are throttled ({@link SignInThrottle}), under {@code caseflow.identity.sign-in}.
 *
 * @param maxFailures           wrong passwords for one user from one address within the window before that pair waits
 * @param maxFailuresPerAddress wrong passwords from one address, for any users, within the window before it waits
 * @param window                how long a wrong password counts
 * @param trackedKeys           how many users and addresses are remembered before expired ones are forgotten
 */
@ConfigurationProperties("caseflow.identity.sign-in")
public record SignInProperties(
        @DefaultValue("10") int maxFailures,
        @DefaultValue("50") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration window,
        @DefaultValue("100000") int trackedKeys) {

    public SignInProperties {
        if (maxFailures < 1 || maxFailuresPerAddress < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("caseflow.identity.sign-in: the limits must be at least 1 and the window positive");
        }
    }
}
