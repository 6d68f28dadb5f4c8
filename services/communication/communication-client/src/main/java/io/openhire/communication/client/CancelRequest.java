package io.openhire.communication.client;

/** Cancels an interview; {@code reason} (optional, at most 500 characters) is shown to the candidate. */
public record CancelRequest(String reason) {}
