package io.openhire.modelregistry.client;

import java.util.List;

/**
 * How to run a token-classification version (a CRF sequence tagger in libs/sequence-tagging's format): set
 * at registration, the labels and sizes read from the model itself. A consumer computes each word's features
 * with {@code features} and must refuse a version whose {@code features} it does not compute: the weights
 * mean nothing for other features (even with the same {@code featureBits}).
 *
 * @param features the name of the word features it was trained on, e.g. {@code skill-words-v1} (as the
 *     registrant declared it)
 * @param labels its BIO tags in the model's order, e.g. {@code [O, B-SKILL, I-SKILL]}
 * @param featureBits the features are hashed into 2^featureBits buckets
 * @param denseDims the length of the per-word vector (an encoder's token state) it also takes; 0 when it
 *     takes none
 */
public record TaggerConfig(String features, List<String> labels, int featureBits, int denseDims) {}
