package io.openhire.privacy.client;

/** One replaced entity: where its replacement stands in the returned text, and the operator applied. */
public record AnonymizedItem(String type, int start, int end, String operator, String replacement) {}
