package io.openhire.training.client;

/**
 * How a tagger is trained; a null field takes its default.
 *
 * @param epochs passes over the training sentences (1–50; default 5)
 * @param learningRate AdaGrad's base step (default 0.1)
 * @param l2 weight decay per update (default 1e-5)
 * @param seed the shuffle's and the held-out split's seed (default 42): the same data and parameters train
 *     the same model
 * @param devFraction the share held out for evaluation when no dev dataset is given (0.05–0.5; default 0.1)
 */
public record TrainingParams(Integer epochs, Double learningRate, Double l2, Long seed, Double devFraction) {}
