package io.openhire.training.client;

/**
 * One finished pass over the training sentences.
 *
 * @param loss the mean negative log-likelihood per sentence
 * @param devF1 strict span F1 on the held-out sentences after this epoch
 */
public record EpochProgress(int epoch, double loss, double devF1) {}
