package io.openhire.matching.ranking;

import static io.openhire.matching.events.ScoreCategory.EXPERIENCE;
import static io.openhire.matching.events.ScoreCategory.LOCATION;
import static io.openhire.matching.events.ScoreCategory.NICE_TO_HAVE_SKILLS;
import static io.openhire.matching.events.ScoreCategory.REQUIRED_SKILLS;
import static io.openhire.matching.events.ScoreCategory.SALARY;
import static io.openhire.matching.events.ScoreCategory.SEMANTIC;
import static io.openhire.matching.events.ScoreCategory.TITLE;
import static io.openhire.matching.ranking.MatchTestData.BERLIN;
import static io.openhire.matching.ranking.MatchTestData.LONDON;
import static io.openhire.matching.ranking.MatchTestData.MUNICH;
import static io.openhire.matching.ranking.MatchTestData.POTSDAM;
import static io.openhire.matching.ranking.MatchTestData.aCandidate;
import static io.openhire.matching.ranking.MatchTestData.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.matching.client.MatchList;
import io.openhire.matching.events.ScoreCategory;
import io.openhire.matching.profiles.CandidateFacts;
import io.openhire.matching.profiles.Place;
import io.openhire.matching.ranking.MatchTestData.CandidateBuilder;
import io.openhire.matching.ranking.MatchTestData.JobBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The category scores of one candidate for one job, and the sentences a recruiter reads beside them. */
class MatchFeaturesTest {

    static final Map<ScoreCategory, Double> WEIGHTS = RankerModel.builtIn().weights();

    static JobBuilder seniorBackendJobInBerlin() {
        return aJob().titled("Senior Backend Engineer")
                .seniority("SENIOR")
                .askingYears(5)
                .requiring("Java", "Apache Kafka")
                .requiringPhrase("event sourcing")
                .niceToHave("Terraform")
                .in(BERLIN)
                .paying(90_000, 100_000);
    }

    static Explanation explain(JobBuilder job, CandidateBuilder candidate, Double cosine) {
        MatchFeatures.JobSide side = new MatchFeatures.JobSide(job.build());
        CandidateFacts facts = candidate.build();
        Explanation scored = MatchFeatures.explain(side, facts, candidate.text(), cosine, WEIGHTS);
        return MatchFeatures.withEvidence(scored, side, facts.evidence(), candidate.text());
    }

    @Test
    void aFittingCandidateScoresEveryCategoryAndShowsTheEvidence() {
        CandidateBuilder fit = aCandidate()
                .titled("Senior Backend Engineer")
                .years(8)
                .livingIn(new Place("Berlin", null, "DE"))
                .skilled("Java", "Apache Kafka")
                .saying("Designed order flows with Apache Kafka", "Built event sourcing for payments");

        Explanation e = explain(seniorBackendJobInBerlin().hybrid(), fit, 0.7);

        assertThat(e.matchedRequiredSkills()).containsExactly("Java", "Apache Kafka", "event sourcing");
        assertThat(e.missingRequiredSkills()).isEmpty();
        assertThat(e.breakdown().get(REQUIRED_SKILLS).detail()).isEqualTo("3 of 3 required skills");
        assertThat(e.breakdown().get(REQUIRED_SKILLS).score()).isEqualTo(1.0);
        assertThat(e.breakdown().get(NICE_TO_HAVE_SKILLS).score()).isEqualTo(0.0);
        assertThat(e.breakdown().get(TITLE).score()).isEqualTo(1.0);
        assertThat(e.breakdown().get(EXPERIENCE).score()).isEqualTo(1.0);
        assertThat(e.breakdown().get(EXPERIENCE).detail()).isEqualTo("8.0 years (asks 5+); senior for a senior role");
        assertThat(e.breakdown().get(LOCATION).score()).isEqualTo(1.0);
        assertThat(e.breakdown().get(SEMANTIC).score()).isBetween(0.8, 0.85);
        assertThat(e.breakdown().get(SEMANTIC).detail()).isEqualTo("text similarity 0.70 (cosine)");
        assertThat(e.breakdown().get(SALARY).score()).isNull();
        assertThat(e.breakdown().get(SALARY).detail()).isEqualTo("the candidate's expected salary is not known");
        assertThat(e.evidence())
                .extracting(MatchList.Evidence::line)
                .containsExactly("Designed order flows with Apache Kafka", "Built event sourcing for payments");
        // Salary did not apply: the total is the weighted mean of the others.
        double expected = (0.30 * 1
                        + 0.10 * 0
                        + 0.15 * 1
                        + 0.20 * e.breakdown().get(SEMANTIC).score()
                        + 0.15 * 1
                        + 0.07 * 1)
                / 0.97;
        assertThat(e.total()).isEqualTo(Math.round(expected * 1000) / 10.0);
    }

    @Test
    void theBreakdownListsTheCategoriesInTheOrderTheyAreShown() {
        Explanation e = explain(seniorBackendJobInBerlin(), aCandidate().titled("Backend Engineer"), null);

        assertThat(e.breakdown().keySet())
                .containsExactly(REQUIRED_SKILLS, NICE_TO_HAVE_SKILLS, TITLE, SEMANTIC, EXPERIENCE, LOCATION, SALARY);
    }

    @Test
    void yearsInAnotherFieldDoNotCountAsExperienceForThisJob() {
        CandidateBuilder nurse = aCandidate()
                .titled("Registered Nurse")
                .years(12)
                .livingIn(new Place("Austin", "Texas", "US"))
                .saying("Patient care");

        Explanation e = explain(seniorBackendJobInBerlin(), nurse, 0.1);

        assertThat(e.breakdown().get(EXPERIENCE).score()).isEqualTo(0.0);
        assertThat(e.breakdown().get(EXPERIENCE).detail()).contains("counted at 0%");
        assertThat(e.breakdown().get(LOCATION).score()).isEqualTo(0.0);
        assertThat(e.breakdown().get(LOCATION).detail())
                .isEqualTo("lives in Austin, Texas, US; job on site in Berlin, Berlin, DE");
        assertThat(e.missingRequiredSkills()).containsExactly("Java", "Apache Kafka", "event sourcing");
    }

    @Test
    void aJuniorForASeniorRoleAndUnknownThingsAreSaidSo() {
        CandidateBuilder junior =
                aCandidate().titled("Junior Backend Developer").years(1.5).skilled("Java");

        Explanation e = explain(seniorBackendJobInBerlin().remote(), junior, null);

        assertThat(e.breakdown().get(EXPERIENCE).score()).isLessThan(0.3);
        assertThat(e.breakdown().get(EXPERIENCE).detail()).contains("1.5 years (asks 5+)", "entry level");
        assertThat(e.breakdown().get(LOCATION).detail()).isEqualTo("remote job");
        assertThat(e.breakdown().get(SEMANTIC).score()).isNull();
        assertThat(e.breakdown().get(SEMANTIC).detail()).contains("no text embedding yet");
        assertThat(e.features()).doesNotContainKeys(SEMANTIC, SALARY);
    }

    @Test
    void theCloserTheCandidateLivesTheHigherTheLocationScore() {
        JobBuilder onSite = seniorBackendJobInBerlin();

        assertThat(location(onSite, BERLIN)).isEqualTo(1.0);
        assertThat(location(onSite, POTSDAM)).isEqualTo(0.8); // same region
        assertThat(location(onSite, MUNICH)).isEqualTo(0.5); // same country
        assertThat(location(seniorBackendJobInBerlin().hybrid(), MUNICH)).isEqualTo(0.4);
        assertThat(location(onSite, LONDON)).isEqualTo(0.0);
        assertThat(explain(onSite, aCandidate(), null).breakdown().get(LOCATION))
                .satisfies(c -> {
                    assertThat(c.score()).isNull();
                    assertThat(c.detail()).isEqualTo("the candidate's location is not known");
                });
    }

    private static Double location(JobBuilder job, Place home) {
        return explain(job, aCandidate().livingIn(home), null)
                .breakdown()
                .get(LOCATION)
                .score();
    }

    @Test
    void anEarlierTitleCountsALittleLessThanTheCurrentOne() {
        CandidateBuilder movedOn = aCandidate().titled("Product Manager", "Senior Backend Engineer");

        MatchList.Category title =
                explain(seniorBackendJobInBerlin(), movedOn, null).breakdown().get(TITLE);

        assertThat(title.score()).isEqualTo(0.85);
        assertThat(title.detail()).isEqualTo("\"Senior Backend Engineer\" for \"Senior Backend Engineer\"");
    }

    @Test
    void aCategoryThatDoesNotApplyDropsOutAndTheOthersKeepTheirProportions() {
        JobBuilder job = aJob().titled("Backend Engineer").requiring("Java").remote();
        CandidateBuilder candidate = aCandidate().titled("Backend Engineer").skilled("Java");

        Explanation e = explain(job, candidate, null);

        assertThat(e.breakdown().get(NICE_TO_HAVE_SKILLS).detail()).isEqualTo("the job names no nice-to-have skills");
        assertThat(e.breakdown().get(EXPERIENCE).detail()).isEqualTo("years of experience unknown");
        assertThat(e.breakdown().get(SALARY).detail()).isEqualTo("the job states no salary");
        assertThat(e.features()).containsOnlyKeys(REQUIRED_SKILLS, TITLE, LOCATION);
        assertThat(e.total()).isEqualTo(100.0);
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
        Map<ScoreCategory, Double> merged = model.weightsWith(Map.of(LOCATION, 1.0));
        assertThat(merged).containsEntry(LOCATION, 1.0).containsEntry(REQUIRED_SKILLS, 0.30);
    }
}
