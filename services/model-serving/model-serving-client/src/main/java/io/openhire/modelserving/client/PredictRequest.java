package io.openhire.modelserving.client;

import java.util.List;

/**
 * @param model {@code text-embedding} (its champion), {@code text-embedding@challenger} (an alias) or
 *     {@code text-embedding:2} (a version)
 * @param inputs the texts to embed, at most 256 per request
 */
public record PredictRequest(String model, List<String> inputs) {}
