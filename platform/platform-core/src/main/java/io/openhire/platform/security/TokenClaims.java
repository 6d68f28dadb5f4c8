package io.openhire.platform.security;

/** Names of the claims OpenHire puts into its access tokens (issued by identity, read by every service). */
public final class TokenClaims {

    /** The organisation (tenant) id. */
    public static final String ORGANIZATION = "org";
    /** Role names such as {@code ADMIN}, {@code RECRUITER}, {@code CLIENT}, {@code CANDIDATE}. */
    public static final String ROLES = "roles";
    /** {@code user}, {@code api_key} or {@code service}. */
    public static final String SUBJECT_KIND = "sub_kind";
    /** The sign-in session (refresh-token family) a user's access token belongs to. */
    public static final String SESSION = "sid";

    private TokenClaims() {}
}
