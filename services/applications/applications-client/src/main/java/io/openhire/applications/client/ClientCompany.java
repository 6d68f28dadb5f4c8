package io.openhire.applications.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A hiring client of the organisation (an agency's customer), its CLIENT users and the jobs run for it. */
public record ClientCompany(UUID id, String name, List<Member> members, List<UUID> jobIds, Instant createdAt) {

    public record Member(UUID userId, String name) {}
}
