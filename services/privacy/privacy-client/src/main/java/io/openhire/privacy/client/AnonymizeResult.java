package io.openhire.privacy.client;

import java.util.List;

/** The anonymised text and what was replaced in it. */
public record AnonymizeResult(String text, List<AnonymizedItem> items) {}
