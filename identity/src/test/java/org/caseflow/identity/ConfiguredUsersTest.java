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
            new IdentityProperties.Group("police", "Policia"), new IdentityProperties.Group("supervisors", null),
            new IdentityProperties.Group("procedure-designers", null), new IdentityProperties.Group("platform-admins", null));

    private static final IdentityProperties.User SUPERVISOR =
            new IdentityProperties.User("supervisor", "pw", null, null, null, List.of("supervisors", "procedure-designers", "platform-admins"));

    private final ConfiguredUsers users = new ConfiguredUsers(new IdentityProperties(GROUPS,
            List.of(SUPERVISOR, new IdentityProperties.User("police.worker", "s3cret", null, null, null, List.of("police"))),
            List.of(new IdentityProperties.Service("court.service", "c0urt", "court")), "supervisors", "procedure-designers", "platform-admins"));

    @Test
    void authenticatesAUserWithTheirGroupsAsAuthorities() {
        Authentication authenticated = users.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("police.worker", "s3cret"));

        assertThat(authenticated.isAuthenticated()).isTrue();
        assertThat(authenticated.getName()).isEqualTo("police.worker");
        assertThat(authenticated.getCredentials()).isNull();
        assertThat(authenticated.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("GROUP_police");
    }

    @Test
    void authenticatesAServiceAsAServiceForItsBodyInNoGroup() {
        Authentication authenticated = users.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("court.service", "c0urt"));

        assertThat(authenticated.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("SERVICE", "SERVICE_FOR_court");
    }

    @Test
    void refusesAServiceForAnAgencyGroupOrWithTheIdOfAUser() {
        List<IdentityProperties.User> users = List.of(SUPERVISOR,
                new IdentityProperties.User("police.worker", "pw", null, null, null, List.of("police")));
        assertThatThrownBy(() -> new IdentityProperties(GROUPS, users,
                List.of(new IdentityProperties.Service("police.service", "pw", "police")), "supervisors", "procedure-designers", "platform-admins"))
                .hasMessageContaining("police.service").hasMessageContaining("not one of caseflow.identity.groups");
        assertThatThrownBy(() -> new IdentityProperties(GROUPS, users,
                List.of(new IdentityProperties.Service("police.worker", "pw", "court")), "supervisors", "procedure-designers", "platform-admins"))
                .hasMessageContaining("unique among users and services");
        assertThat(new IdentityProperties.Service("court.service", "c0urt", "court").toString()).doesNotContain("c0urt");
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
                List.of(SUPERVISOR, new IdentityProperties.User("x.worker", "pw", null, null, null, List.of("pollice"))), List.of(), "supervisors", "procedure-designers", "platform-admins"))
                .hasMessageContaining("x.worker").hasMessageContaining("pollice");
    }

    @Test
    void refusesAUserWithoutPasswordAndNeverShowsAPassword() {
        assertThatThrownBy(() -> new IdentityProperties(GROUPS,
                List.of(SUPERVISOR, new IdentityProperties.User("x.worker", " ", null, null, null, List.of("police"))), List.of(), "supervisors", "procedure-designers", "platform-admins"))
                .hasMessageContaining("has no password");
        assertThat(new IdentityProperties.User("x.worker", "s3cret", null, null, null, List.of("police")).toString())
                .doesNotContain("s3cret");
    }

    @Test
    void theAgenciesAreTheGroupsButTheSupervisors() {
        assertThat(new IdentityProperties(GROUPS, List.of(SUPERVISOR), List.of(), "supervisors", "procedure-designers", "platform-admins")
                .agencyIds()).containsExactly("police");
    }

    @Test
    void refusesToStartWithoutASupervisor() {
        assertThatThrownBy(() -> new IdentityProperties(GROUPS,
                List.of(new IdentityProperties.User("police.worker", "pw", null, null, null, List.of("police"))), List.of(),
                "supervisors", "procedure-designers", "platform-admins"))
                .hasMessageContaining("does not start without a supervisor");
    }
}
