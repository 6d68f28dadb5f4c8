package io.openhire.communication.client;

import java.time.LocalDateTime;

/** Moves a booked interview to a new start, a local time in the interview's time zone; both sides get the update. */
public record RescheduleRequest(LocalDateTime startsAt) {}
