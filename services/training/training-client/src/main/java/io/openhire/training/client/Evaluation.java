package io.openhire.training.client;

import java.util.Map;

/**
 * How a trained model did on sentences it never saw.
 *
 * @param trainSentences sentences it trained on
 * @param devSentences held-out sentences it was scored on
 * @param all every span, whatever its label
 * @param byLabel per span label (strict: label and words must match)
 */
public record Evaluation(int trainSentences, int devSentences, SpanMetrics all, Map<String, SpanMetrics> byLabel) {}
