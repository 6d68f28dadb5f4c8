package io.openhire.platform.security;

import java.util.UUID;

/**
 * The organisation that owns what belongs to no customer: platform-wide assets such as the ML models
 * every organisation's features run on. identity creates it (no users can sign in to it); services
 * store and read its documents with their service token for this id.
 */
public final class PlatformOrganization {

    public static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private PlatformOrganization() {}
}
