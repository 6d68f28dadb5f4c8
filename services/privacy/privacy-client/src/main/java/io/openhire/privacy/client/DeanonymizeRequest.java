package io.openhire.privacy.client;

/** {@code POST /api/v1/privacy/deanonymize}: a text holding the organisation's pseudonyms. Admins only; audited. */
public record DeanonymizeRequest(String text) {}
