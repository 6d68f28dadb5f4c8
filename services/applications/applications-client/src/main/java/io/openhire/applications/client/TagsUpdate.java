package io.openhire.applications.client;

import java.util.List;

/** The candidate's tags as they should be: up to 30, each 1–40 characters. */
public record TagsUpdate(List<String> tags) {}
