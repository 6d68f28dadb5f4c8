package io.openhire.privacy.client;

import java.util.List;

/** What {@code /analyze} found, in text order, no two overlapping. */
public record AnalyzeResult(List<DetectedEntity> entities) {}
