package io.openhire.identity.client;

import java.util.List;

/** A page of an organisation's users; {@code total} counts them all. */
public record UserPage(List<UserProfile> items, int offset, int limit, int total) {}
