package io.openhire.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Reads the {@link AuthenticatedUser} of the current request from the validated access token. */
public final class CurrentUser {

    private CurrentUser() {}

    /** The caller; throws when the request is not authenticated (a bug: the route should not be public). */
    public static AuthenticatedUser get() {
        return find().orElseThrow(() -> new IllegalStateException("No authenticated user on this request"));
    }

    public static Optional<AuthenticatedUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return Optional.of(from(jwt));
        }
        return Optional.empty();
    }

    /** The organisation every query of this request must be scoped to. */
    public static UUID organizationId() {
        return get().organizationId();
    }

    public static AuthenticatedUser from(Jwt jwt) {
        String org = jwt.getClaimAsString(TokenClaims.ORGANIZATION);
        Object rawRoles = jwt.getClaims().get(TokenClaims.ROLES);
        Set<String> roles = new LinkedHashSet<>();
        if (rawRoles instanceof Collection<?> collection) {
            collection.forEach(r -> roles.add(String.valueOf(r)));
        }
        AuthenticatedUser.Kind kind = switch (String.valueOf(jwt.getClaimAsString(TokenClaims.SUBJECT_KIND))) {
            case "api_key" -> AuthenticatedUser.Kind.API_KEY;
            case "service" -> AuthenticatedUser.Kind.SERVICE;
            default -> AuthenticatedUser.Kind.USER;
        };
        return new AuthenticatedUser(jwt.getSubject(), UUID.fromString(org), Set.copyOf(roles), kind);
    }

    /** Lets controllers declare {@code AuthenticatedUser user} as a parameter. */
    static final class ArgumentResolver implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return AuthenticatedUser.class.equals(parameter.getParameterType());
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer container,
                NativeWebRequest request,
                WebDataBinderFactory binderFactory) {
            return get();
        }
    }
}
