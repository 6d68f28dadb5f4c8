package io.openhire.privacy.client;

/** One piece of personal data: its type, characters {@code [start, end)}, how sure (0–1) and which recogniser. */
public record DetectedEntity(String type, int start, int end, double score, String recogniser) {}
