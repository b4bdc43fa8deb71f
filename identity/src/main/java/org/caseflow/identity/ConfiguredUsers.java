package org.caseflow.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks a user's password against the configured users; the user's groups become the authorities
 * {@code GROUP_<id>}. Passwords are compared in constant time, and an unknown user costs the same as a
 * wrong password, so neither timing nor the answer tells which users exist.
 */
public class ConfiguredUsers implements AuthenticationProvider {

    /** The prefix of a group's authority, as in {@code hasAuthority("GROUP_supervisors")}. */
    public static final String GROUP = "GROUP_";

    private static final byte[] NO_USER = digest("\0no user\0");

    private final Map<String, IdentityProperties.User> users;

    public ConfiguredUsers(IdentityProperties identities) {
        this.users = identities.users().stream().collect(Collectors.toUnmodifiableMap(IdentityProperties.User::id, Function.identity()));
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        IdentityProperties.User user = users.get(authentication.getName());
        byte[] given = digest(authentication.getCredentials() == null ? "" : authentication.getCredentials().toString());
        boolean matches = MessageDigest.isEqual(user == null ? NO_USER : digest(user.password()), given);
        if (user == null || !matches) {
            throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(user.id(), null,
                user.groups().stream().map(group -> new SimpleGrantedAuthority(GROUP + group)).toList());
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
