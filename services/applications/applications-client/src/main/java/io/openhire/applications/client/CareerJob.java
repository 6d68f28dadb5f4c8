package io.openhire.applications.client;

import java.time.Instant;
import java.util.UUID;

/** An open job as an organisation's career site lists it. */
public record CareerJob(
        UUID id,
        String title,
        String employer,
        String location,
        String workplace,
        String employmentType,
        Instant postedAt) {}
