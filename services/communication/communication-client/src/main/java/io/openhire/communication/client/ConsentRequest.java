package io.openhire.communication.client;

/**
 * Records an address's consent to marketing messages, or its withdrawal.
 *
 * @param source how it was given, in a few words ("career site sign-up form, 2026-12-05"), kept as evidence
 */
public record ConsentRequest(String address, Boolean granted, String source) {}
