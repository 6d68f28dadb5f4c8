package io.openhire.matching.matches.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.matching.client.FeedbackRequest;
import io.openhire.matching.client.IndexView;
import io.openhire.matching.client.JobSettingsRequest;
import io.openhire.matching.client.MatchList;
import io.openhire.matching.client.Outcome;
import io.openhire.matching.events.ScoreCategory;
import io.openhire.matching.index.MatchIndex;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What matching answers is what matching-client reads, and what the client sends is what matching reads:
 * each answer (with every field set) is written as the API writes it, read strictly into the client's record
 * and written again to the same JSON; each request the other way round. A field renamed, added or dropped on
 * either side fails here, not in the dashboard. (MatchList, RecordedFeedback, Revealed, RevealRequest and
 * JobSettings are the client's records on both sides already; the match list is still written and read back
 * here, as the dashboard reads it, with every score category.)
 */
class MatchingClientTest {

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static final UUID JOB = UUID.fromString("11111111-1111-4111-8111-111111111111");
    static final UUID RESUME = UUID.fromString("22222222-2222-4222-8222-222222222222");
    static final UUID CANDIDATE = UUID.fromString("33333333-3333-4333-8333-333333333333");
    static final UUID RUN = UUID.fromString("66666666-6666-4666-8666-666666666666");
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aMatchListIsWrittenAndReadBackTheSameWithEveryCategoryKeyed() {
        Map<ScoreCategory, MatchList.Category> breakdown = new EnumMap<>(ScoreCategory.class);
        Map<ScoreCategory, Double> weights = new EnumMap<>(ScoreCategory.class);
        for (ScoreCategory category : ScoreCategory.values()) {
            breakdown.put(category, new MatchList.Category(0.5, 1.0 / 7, "half of " + category.label()));
            weights.put(category, 1.0 / 7);
        }
        breakdown.put(ScoreCategory.SALARY, new MatchList.Category(null, 0.1, "no expectation stated"));
        MatchList list = new MatchList(
                RUN,
                "JOB_TO_CANDIDATES",
                JOB,
                CANDIDATE,
                "HYBRID",
                true,
                new MatchList.Models(
                        new MatchList.ModelRef("match-ranker", 2), new MatchList.ModelRef("text-embedding", 1), "g-1"),
                weights,
                "JOB",
                12,
                List.of(new MatchList.Line(
                        1,
                        CANDIDATE,
                        RESUME,
                        List.of(RESUME),
                        JOB,
                        82.4,
                        breakdown,
                        List.of("Java"),
                        List.of("Apache Kafka"),
                        List.of("Kubernetes"),
                        List.of(new MatchList.Evidence("Java", "Built payment services in Java")),
                        new MatchList.CandidateView(
                                "Priya Sharma", "Priya Sharma", true, "Backend Engineer", 7.5, "Berlin"),
                        new MatchList.JobView(
                                "Senior Backend Engineer", "Acme", "SENIOR", "HYBRID", "Berlin", "OPEN"))));

        MatchList read = sameBothWays(list, MatchList.class);

        assertThat(read.matches().getFirst().breakdown().keySet()).containsExactlyInAnyOrder(ScoreCategory.values());
        assertThat(read.matches()
                        .getFirst()
                        .breakdown()
                        .get(ScoreCategory.SALARY)
                        .score())
                .isNull();
        assertThat(read.weights()).containsEntry(ScoreCategory.REQUIRED_SKILLS, 1.0 / 7);
    }

    @Test
    void theIndexStateReadsIntoTheClientsRecord() {
        MatchController.IndexView view = new MatchController.IndexView(
                new MatchIndex.Status(
                        "BUILDING",
                        "g-1",
                        1,
                        NOW,
                        new MatchIndex.Build("g-2", 2, "new embedding model", NOW, 40),
                        3,
                        2,
                        "model-serving did not answer"),
                12,
                11,
                4,
                2,
                "no ranker model yet");

        IndexView read = sameBothWays(view, IndexView.class);

        assertThat(read.index().building().done()).isEqualTo(40);
    }

    @Test
    void theClientsRequestsReadIntoWhatMatchingTakes() {
        FeedbackRequest feedback = new FeedbackRequest(JOB, CANDIDATE, Outcome.HIRED, "accepted the offer");
        MatchController.FeedbackRequest taken =
                sameBothWays(feedback, MatchController.FeedbackRequest.class, FeedbackRequest.class);
        assertThat(taken.outcome()).isEqualTo("HIRED");

        Map<ScoreCategory, Double> weights = new EnumMap<>(ScoreCategory.class);
        weights.put(ScoreCategory.REQUIRED_SKILLS, 5.0);
        weights.put(ScoreCategory.SEMANTIC, 2.5);
        MatchController.JobSettingsRequest settings = sameBothWays(
                new JobSettingsRequest(true, weights),
                MatchController.JobSettingsRequest.class,
                JobSettingsRequest.class);
        assertThat(settings.weights()).hasSize(2);
        sameBothWays(
                new JobSettingsRequest(null, null), MatchController.JobSettingsRequest.class, JobSettingsRequest.class);
    }

    /** Written by one side, read strictly by the other, written again: the same JSON. */
    static <T> T sameBothWays(Object written, Class<T> readAs) {
        String json = JSON.writeValueAsString(written);
        T read = JSON.readValue(json, readAs);
        assertThat(JSON.readTree(JSON.writeValueAsString(read)))
                .as("%s as %s", written.getClass().getSimpleName(), readAs.getName())
                .isEqualTo(JSON.readTree(json));
        return read;
    }

    /** A request: what the client writes, matching reads; and what matching read, the client reads back. */
    static <T> T sameBothWays(Object sent, Class<T> takenAs, Class<?> sentAs) {
        T taken = sameBothWays(sent, takenAs);
        sameBothWays(taken, sentAs);
        return taken;
    }
}
