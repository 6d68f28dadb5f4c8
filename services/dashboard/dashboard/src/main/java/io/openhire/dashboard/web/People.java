package io.openhire.dashboard.web;

import io.openhire.dashboard.signin.SignedInUser;
import io.openhire.identity.client.Colleague;
import io.openhire.identity.client.IdentityApi;
import io.openhire.platform.errors.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Who did something, in words, where a service records an actor ({@code user:<id>}, {@code service:<name>},
 * {@code system}): the models' aliases and history, training's datasets and jobs. A user is named from
 * identity's staff list of the signed-in person's organisation (its colleagues, read at most every five
 * minutes per organisation); the signed-in person is "you". Models are shared by every organisation, so the
 * operator who moved an alias or trained a version is often of another one: identity does not name them to
 * this person, and they are "a platform operator" (only operators change models and train).
 */
@Component
class People {

    static final String OPERATOR = "a platform operator";
    private static final Pattern ACTOR = Pattern.compile("\\b(user|service):([A-Za-z0-9_.@-]+)");
    private static final Duration KEPT = Duration.ofMinutes(5);

    private final IdentityApi identity;
    private final Clock clock;
    private final Map<String, Known> byOrganisation = new ConcurrentHashMap<>();

    private record Known(Map<String, String> names, Instant until) {}

    People(IdentityApi identity) {
        this.identity = identity;
        this.clock = Clock.systemUTC();
    }

    /**
     * The names as identity has them now (the audit log must not name a colleague added a minute ago as someone
     * else): the staff list asked again, and kept for the other pages.
     */
    Names freshNames() {
        SignedInUser me = PageModel.signedIn();
        if (me != null) {
            byOrganisation.remove(me.organizationId() == null ? "" : me.organizationId());
        }
        return names();
    }

    /** The names for the signed-in person's page: one look-up of their organisation's staff (or none). */
    Names names() {
        SignedInUser me = PageModel.signedIn();
        if (me == null) {
            return new Names(null, Map.of());
        }
        String organisation = me.organizationId() == null ? "" : me.organizationId();
        Instant now = clock.instant();
        Known known = byOrganisation.get(organisation);
        if (known == null || now.isAfter(known.until())) {
            known = new Known(colleagues(), now.plus(KEPT));
            byOrganisation.put(organisation, known);
        }
        return new Names(me.getName(), known.names());
    }

    private Map<String, String> colleagues() {
        try {
            Map<String, String> names = new HashMap<>();
            for (Colleague colleague : identity.colleagues()) {
                if (colleague.id() != null
                        && colleague.name() != null
                        && !colleague.name().isBlank()) {
                    names.put(colleague.id().toString(), colleague.name());
                }
            }
            return Map.copyOf(names);
        } catch (RestClientException | DomainException notNamed) {
            return Map.of(); // identity away, or the person is not staff: operators stay unnamed
        }
    }

    /** Names actors for one page; templates call {@code names.of(actor)}. */
    public record Names(String me, Map<String, String> users) {

        /** "you", a colleague's name, "a platform operator", "OpenHire (first start)", "training service". */
        public String of(String actor) {
            if (actor == null || actor.isBlank()) {
                return "";
            }
            if (actor.equals("system")) {
                return "OpenHire (first start)";
            }
            if (actor.startsWith("service:")) {
                return actor.substring("service:".length()) + " service";
            }
            if (actor.startsWith("user:")) {
                String id = actor.substring("user:".length());
                if (id.equals(me)) {
                    return "you";
                }
                return users.getOrDefault(id, OPERATOR);
            }
            return actor; // something else the service wrote (an email address): as it is
        }

        /**
         * Someone of the organisation, where an unknown user is not an operator of another organisation (the audit
         * log: only the organisation's own people and keys act on its records): a colleague's name, "you", or a
         * user no longer on the staff list by the start of their id.
         */
        public String ofMember(String actor) {
            if (actor != null && actor.startsWith("user:")) {
                String id = actor.substring("user:".length());
                if (!id.equals(me) && !users.containsKey(id)) {
                    return "a former user (" + id.substring(0, Math.min(8, id.length())) + ")";
                }
            }
            if (actor != null && actor.startsWith("api-key:")) {
                String id = actor.substring("api-key:".length());
                return "API key " + id.substring(0, Math.min(8, id.length()));
            }
            return of(actor);
        }

        /** A line of text (a job's log) with every {@code user:…} and {@code service:…} in it named. */
        public String inText(String text) {
            if (text == null) {
                return "";
            }
            Matcher matcher = ACTOR.matcher(text);
            StringBuilder named = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(named, Matcher.quoteReplacement(of(matcher.group())));
            }
            matcher.appendTail(named);
            return named.toString();
        }
    }
}
