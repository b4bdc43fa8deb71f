package org.caseflow.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks a user's password against the configured users; the user's groups become the authorities
 * {@code GROUP_<id>}; a configured service gets {@code SERVICE} and {@code SERVICE_FOR_<body>} instead.
 * Passwords are compared in constant time, and an unknown user costs the same as a wrong password, so
 * neither timing nor the answer tells which users exist.
 */
public class ConfiguredUsers implements AuthenticationProvider {

    /** The prefix of a group's authority, as in {@code hasAuthority("GROUP_supervisors")}. */
    public static final String GROUP = "GROUP_";

    /** The authority of every service identity; a door open to services says so ({@link ApiSecurity#person()}). */
    public static final String SERVICE = "SERVICE";

    /** The prefix of the authority naming the body a service sends for, as in {@code SERVICE_FOR_court}. */
    public static final String SERVICE_FOR = "SERVICE_FOR_";

    private static final byte[] NO_USER = digest("\0no user\0");

    /** A user's or a service's password and authorities. */
    private record Account(String password, List<SimpleGrantedAuthority> authorities) {
    }

    private final Map<String, Account> accounts = new HashMap<>();

    public ConfiguredUsers(IdentityProperties identities) {
        for (IdentityProperties.User user : identities.users()) {
            accounts.put(user.id(), new Account(user.password(),
                    user.groups().stream().map(group -> new SimpleGrantedAuthority(GROUP + group)).toList()));
        }
        for (IdentityProperties.Service service : identities.services()) {
            accounts.put(service.id(), new Account(service.password(),
                    List.of(new SimpleGrantedAuthority(SERVICE), new SimpleGrantedAuthority(SERVICE_FOR + service.body()))));
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Account account = accounts.get(authentication.getName());
        byte[] given = digest(authentication.getCredentials() == null ? "" : authentication.getCredentials().toString());
        boolean matches = MessageDigest.isEqual(account == null ? NO_USER : digest(account.password()), given);
        if (account == null || !matches) {
            throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null, account.authorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
