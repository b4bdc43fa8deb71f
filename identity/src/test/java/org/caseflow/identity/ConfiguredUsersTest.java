package org.caseflow.identity;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfiguredUsersTest {

    private static final List<IdentityProperties.Group> GROUPS = List.of(
            new IdentityProperties.Group("police", "Policia"), new IdentityProperties.Group("supervisors", null));

    private final ConfiguredUsers users = new ConfiguredUsers(new IdentityProperties(GROUPS,
            List.of(new IdentityProperties.User("police.worker", "s3cret", null, null, null, List.of("police"))), "supervisors"));

    @Test
    void authenticatesAUserWithTheirGroupsAsAuthorities() {
        Authentication authenticated = users.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("police.worker", "s3cret"));

        assertThat(authenticated.isAuthenticated()).isTrue();
        assertThat(authenticated.getName()).isEqualTo("police.worker");
        assertThat(authenticated.getCredentials()).isNull();
        assertThat(authenticated.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("GROUP_police");
    }

    @Test
    void refusesAWrongPasswordAndAnUnknownUserAlike() {
        assertThatThrownBy(() -> users.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("police.worker", "S3cret")))
                .isInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");
        assertThatThrownBy(() -> users.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nobody", "s3cret")))
                .isInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");
        assertThatThrownBy(() -> users.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("police.worker", null)))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void refusesAUserOfAGroupThatIsNotConfigured() {
        assertThatThrownBy(() -> new IdentityProperties(GROUPS,
                List.of(new IdentityProperties.User("x.worker", "pw", null, null, null, List.of("pollice"))), "supervisors"))
                .hasMessageContaining("x.worker").hasMessageContaining("pollice");
    }

    @Test
    void refusesAUserWithoutPasswordAndNeverShowsAPassword() {
        assertThatThrownBy(() -> new IdentityProperties(GROUPS,
                List.of(new IdentityProperties.User("x.worker", " ", null, null, null, List.of("police"))), "supervisors"))
                .hasMessageContaining("has no password");
        assertThat(new IdentityProperties.User("x.worker", "s3cret", null, null, null, List.of("police")).toString())
                .doesNotContain("s3cret");
    }

    @Test
    void theAgenciesAreTheGroupsButTheSupervisors() {
        assertThat(new IdentityProperties(GROUPS, List.of(), "supervisors").agencyIds()).containsExactly("police");
    }
}
