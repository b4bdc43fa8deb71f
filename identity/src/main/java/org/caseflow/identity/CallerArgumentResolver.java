package org.caseflow.identity;

import java.util.HashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives a controller method the {@link Caller} of the request it handles. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    private final IdentityProperties identities;

    CallerArgumentResolver(IdentityProperties identities) {
        this.identities = identities;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            throw new AuthenticationCredentialsNotFoundException("No authenticated user");
        }
        Set<String> agencies = new HashSet<>();
        boolean supervisor = false;
        boolean service = false;
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(ConfiguredUsers.SERVICE_FOR)) {
                service = true;
                agencies.add(name.substring(ConfiguredUsers.SERVICE_FOR.length()));
            } else if (name != null && name.startsWith(ConfiguredUsers.GROUP)) {
                String group = name.substring(ConfiguredUsers.GROUP.length());
                if (group.equals(identities.supervisorGroup())) {
                    supervisor = true;
                } else if (!identities.roleGroups().contains(group)) {
                    // Procedure designers and platform administrators act for no agency here.
                    agencies.add(group);
                }
            }
        }
        HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
        String address = servletRequest == null ? null : servletRequest.getRemoteAddr();
        return new Caller(authentication.getName(), agencies, supervisor, address, service);
    }
}
