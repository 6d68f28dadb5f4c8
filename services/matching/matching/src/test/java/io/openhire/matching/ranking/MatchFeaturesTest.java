package io.openhire.matching.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.matching.profiles.CandidateFacts;
import io.openhire.matching.profiles.JobFacts;
import io.openhire.matching.profiles.Place;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MatchFeaturesTest {

    static final Map<String, Double> WEIGHTS = RankerModel.builtIn().weights();

    static JobFacts backendJob(String workplace) {
        return new JobFacts(
                UUID.randomUUID(),
                1,
                "OPEN",
                null,
                "Senior Backend Engineer",
                "Initech",
                "SENIOR",
                5,
                List.of(
                        new JobFacts.Skill("java", "Java"),
                        new JobFacts.Skill("kafka", "Apache Kafka"),
                        new JobFacts.Skill(null, "event sourcing")),
                List.of(new JobFacts.Skill("terraform", "Terraform")),
                List.of(),
                workplace,
                List.of(new Place("Berlin", "Berlin", "DE")),
                new JobFacts.Salary(new BigDecimal("90000"), new BigDecimal("100000"), "EUR"));
    }

    static CandidateFacts candidate(String title, double years, Place place, String... skillIds) {
        List<CandidateFacts.Skill> skills = java.util.Arrays.stream(skillIds)
                .map(id -> new CandidateFacts.Skill(id, id, 1, true))
                .toList();
        return new CandidateFacts(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                null,
                title,
                List.of(title),
                skills,
                years,
                place,
                null,
                List.of(),
                Map.of("kafka", List.of("Designed order flows with Apache Kafka")),
                Instant.now());
    }

    @Test
    void aFittingCandidateScoresEveryCategoryAndShowsTheEvidence() {
        CandidateFacts fit = candidate("Senior Backend Engineer", 8, new Place("Berlin", null, "DE"), "java", "kafka");

        MatchFeatures.JobSide side = new MatchFeatures.JobSide(backendJob("HYBRID"));
        String text = "Built event sourcing for payments";
        Explanation e = MatchFeatures.withEvidence(
                MatchFeatures.explain(side, fit, text, 0.7, WEIGHTS), side, fit.evidence(), text);

        assertThat(e.matchedRequiredSkills()).containsExactly("Java", "Apache Kafka", "event sourcing");
        assertThat(e.missingRequiredSkills()).isEmpty();
        assertThat(e.breakdown().get("requiredSkills").score()).isEqualTo(1.0);
        assertThat(e.breakdown().get("niceToHaveSkills").score()).isEqualTo(0.0);
        assertThat(e.breakdown().get("title").score()).isEqualTo(1.0);
        assertThat(e.breakdown().get("experience").score()).isEqualTo(1.0);
        assertThat(e.breakdown().get("location").score()).isEqualTo(1.0);
        assertThat(e.breakdown().get("semantic").score()).isBetween(0.8, 0.85);
        assertThat(e.breakdown().get("salary").score()).isNull();
        assertThat(e.evidence())
                .extracting(Explanation.Evidence::line)
                .containsExactly("Designed order flows with Apache Kafka", "Built event sourcing for payments");
        // Salary did not apply: the total is the weighted mean of the others.
        double expected = (0.30 * 1
                        + 0.10 * 0
                        + 0.15 * 1
                        + 0.20 * e.breakdown().get("semantic").score()
                        + 0.15 * 1
                        + 0.07 * 1)
                / 0.97;
        assertThat(e.total()).isEqualTo(Math.round(expected * 1000) / 10.0);
    }

    @Test
    void yearsInAnotherFieldDoNotCountAsExperienceForThisJob() {
        CandidateFacts nurse = candidate("Registered Nurse", 12, new Place("Austin", "Texas", "US"));

        Explanation e = MatchFeatures.explain(
                new MatchFeatures.JobSide(backendJob("ON_SITE")), nurse, "Patient care", 0.1, WEIGHTS);

        assertThat(e.breakdown().get("experience").score()).isEqualTo(0.0);
        assertThat(e.breakdown().get("experience").detail()).contains("counted at 0%");
        assertThat(e.breakdown().get("location").score()).isEqualTo(0.0);
        assertThat(e.missingRequiredSkills()).hasSize(3);
    }

    @Test
    void aJuniorForASeniorRoleAndUnknownThingsAreSaidSo() {
        CandidateFacts junior = candidate("Junior Backend Developer", 1.5, null, "java");

        Explanation e =
                MatchFeatures.explain(new MatchFeatures.JobSide(backendJob("REMOTE")), junior, "", null, WEIGHTS);

        assertThat(e.breakdown().get("experience").score()).isLessThan(0.3);
        assertThat(e.breakdown().get("experience").detail()).contains("1.5 years (asks 5+)", "entry level");
        assertThat(e.breakdown().get("location").detail()).isEqualTo("remote job");
        assertThat(e.breakdown().get("semantic").score()).isNull();
        assertThat(e.breakdown().get("semantic").detail()).contains("no text embedding yet");
        assertThat(e.features()).doesNotContainKeys("semantic", "salary");
    }

    @Test
    void phrasesMatchOnWordBoundariesOnly() {
        assertThat(MatchFeatures.containsPhrase("we use go and rust", "go")).isTrue();
        assertThat(MatchFeatures.containsPhrase("google cloud", "go")).isFalse();
        assertThat(MatchFeatures.containsPhrase("c++ and c", "c++")).isTrue();
    }

    @Test
    void jobWeightsReplaceTheModelsPerCategory() {
        RankerModel model = RankerModel.builtIn();
        Map<String, Double> merged = model.weightsWith(Map.of("location", 1.0));
        assertThat(merged).containsEntry("location", 1.0).containsEntry("requiredSkills", 0.30);
    }
}
