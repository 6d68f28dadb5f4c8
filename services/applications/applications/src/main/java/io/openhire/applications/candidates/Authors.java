package io.openhire.applications.candidates;

import io.openhire.identity.client.IdentityApi;
import io.openhire.identity.client.UserProfile;
import io.openhire.platform.security.AuthenticatedUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who wrote a note or a scorecard, as colleagues know them: the person's name (else their email) from identity,
 * asked with their own token. Kept without it when identity does not answer: the text matters more.
 */
@Component
public class Authors {

    private static final Logger log = LoggerFactory.getLogger(Authors.class);

    private final IdentityApi identity;

    Authors(IdentityApi identity) {
        this.identity = identity;
    }

    /** @return null for a key or a service, or while identity is away */
    public String nameOf(AuthenticatedUser caller, String bearer) {
        if (caller.kind() != AuthenticatedUser.Kind.USER || bearer == null) {
            return null;
        }
        try {
            UserProfile me = identity.profile(bearer);
            return me.name() != null && !me.name().isBlank() ? me.name() : me.email();
        } catch (RuntimeException e) {
            log.info(
                    "An author's name could not be read from identity ({}); kept without it",
                    e.getClass().getSimpleName());
            return null;
        }
    }
}
