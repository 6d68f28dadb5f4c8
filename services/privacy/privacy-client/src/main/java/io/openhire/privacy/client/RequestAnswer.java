package io.openhire.privacy.client;

import java.time.Instant;

/** One participating service's part of a request: whether it answered, what it found or erased, what remains. */
public record RequestAnswer(String service, boolean answered, Integer records, Integer remaining, Instant answeredAt) {}
