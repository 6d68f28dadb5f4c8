package io.openhire.matching;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param indexDir where the Lucene indexes live (rebuilt from this service's tables at every start)
 * @param modelCheckInterval how often the embedding champion and the ranker are checked, besides
 *     {@code model.promoted.v1} events (every 5 s while no model answers)
 * @param embeddingBatch texts per embedding request while indexing
 * @param maxLimit the most matches one request may ask for
 * @param matchRunRetention how long the lists shown to recruiters ({@code match_run}, {@code match_shown}) are
 *     kept; older ones are deleted
 * @param strongMatchFloor the score (0–100) a new resume must reach for an open job to be announced as a strong
 *     match ({@code match.strong-match-found.v1}); each person following the job sets their own, higher or equal
 */
@ConfigurationProperties("openhire.matching")
public record MatchingProperties(
        Path indexDir,
        Duration modelCheckInterval,
        int embeddingBatch,
        int maxLimit,
        Duration matchRunRetention,
        Double strongMatchFloor) {

    public MatchingProperties {
        indexDir = indexDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "openhire-matching") : indexDir;
        modelCheckInterval = modelCheckInterval == null ? Duration.ofSeconds(30) : modelCheckInterval;
        embeddingBatch = embeddingBatch <= 0 ? 32 : embeddingBatch;
        maxLimit = maxLimit <= 0 ? 200 : maxLimit;
        matchRunRetention = matchRunRetention == null ? Duration.ofDays(90) : matchRunRetention;
        strongMatchFloor = strongMatchFloor == null ? 60.0 : strongMatchFloor;
        if (strongMatchFloor < 0 || strongMatchFloor > 100) {
            throw new IllegalArgumentException("openhire.matching.strong-match-floor must be between 0 and 100");
        }
        if (matchRunRetention.isNegative() || matchRunRetention.isZero()) {
            throw new IllegalArgumentException("openhire.matching.match-run-retention must be positive");
        }
    }
}
