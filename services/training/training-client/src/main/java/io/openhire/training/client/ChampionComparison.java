package io.openhire.training.client;

/**
 * A trained version beside the champion it would replace, on the held-out sentences (or resumes) the champion
 * never trained on: the only ones where the two can be compared fairly.
 *
 * @param championVersion the champion when the job was evaluated
 * @param compared how many held-out items both were scored on
 * @param championTrainedOn held-out items left out because the champion trained on them
 * @param championDataKnown whether the champion's training data is known (the shipped taggers and versions this
 *     service trained); when it is not, every held-out item is compared
 * @param version this job's model on the compared items
 * @param champion the champion on the compared items
 */
public record ChampionComparison(
        int championVersion,
        int compared,
        int championTrainedOn,
        boolean championDataKnown,
        SpanMetrics version,
        SpanMetrics champion) {}
