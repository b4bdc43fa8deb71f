package org.caseflow.notifications.delivery;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(6, Duration.ofSeconds(30), 2.0, Duration.ofMinutes(3));

    @Test
    void waitsLongerAfterEachFailureUpToTheLongestPause() {
        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(policy.backoffAfter(4)).isEqualTo(Duration.ofMinutes(3));
        assertThat(policy.backoffAfter(50)).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void givesUpAfterTheLastAllowedTry() {
        assertThat(policy.exhausted(5)).isFalse();
        assertThat(policy.exhausted(6)).isTrue();
    }
}
