package io.openhire.platform.security;

/**
 * Role names that are not an organisation's: they come with a token, next to the user's role in their
 * organisation ({@code ADMIN}, {@code RECRUITER}, {@code CLIENT}, {@code CANDIDATE}).
 *
 * <p>Use them in {@code @PreAuthorize("hasRole('PLATFORM_OPERATOR')")}; the constants exist so that
 * Java code (and tests) do not spell them again.
 */
public final class PlatformRoles {

    /**
     * Runs the platform itself: changes what every organisation shares (the ML models and their
     * aliases, model-serving's cache and loaded versions, every organisation's match index). Granted
     * only by configuration ({@code openhire.identity.platform-operators}) or by another operator,
     * never by sign-up or by an organisation's admin.
     */
    public static final String OPERATOR = "PLATFORM_OPERATOR";

    /** Another OpenHire service acting for one organisation with its own service token. */
    public static final String SERVICE = "SERVICE";

    private PlatformRoles() {}
}
