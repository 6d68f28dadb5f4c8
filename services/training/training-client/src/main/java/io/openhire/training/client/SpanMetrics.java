package io.openhire.training.client;

/**
 * Span scores on held-out sentences: strict (same first and last word) precision, recall and F1, and lenient
 * F1 (a predicted span overlapping a gold one counts).
 *
 * @param gold spans in the held-out sentences
 * @param predicted spans the model marked there
 */
public record SpanMetrics(int gold, int predicted, double precision, double recall, double f1, double lenientF1) {}
