package io.openhire.matching.ranking;

import static io.openhire.matching.ranking.MatchTestData.BERLIN;
import static io.openhire.matching.ranking.MatchTestData.LONDON;
import static io.openhire.matching.ranking.MatchTestData.MUNICH;
import static io.openhire.matching.ranking.MatchTestData.POTSDAM;
import static io.openhire.matching.ranking.MatchTestData.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.matching.profiles.JobFacts;
import io.openhire.matching.profiles.Place;
import io.openhire.matching.ranking.MatchTestData.JobBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How near the candidate lives to the job, and the sentence a recruiter reads beside it. */
class LocationFitTest {

    static final Place PARIS = new Place("Paris", "Île-de-France", "FR");

    static Stream<Arguments> places() {
        return Stream.of(
                Arguments.of("same city", aJob().in(BERLIN), BERLIN, 1.0),
                Arguments.of("same region", aJob().in(BERLIN), POTSDAM, 0.8),
                Arguments.of("same country, on site", aJob().in(BERLIN), MUNICH, 0.5),
                Arguments.of("same country, hybrid", aJob().in(BERLIN).hybrid(), MUNICH, 0.4),
                Arguments.of("another country", aJob().in(BERLIN), LONDON, 0.0),
                Arguments.of(
                        "city and case, country unknown", aJob().in(BERLIN), new Place(" berlin ", null, null), 1.0),
                Arguments.of(
                        "same city name, another country", aJob().in(BERLIN), new Place("Berlin", null, "US"), 0.0),
                Arguments.of("the closest of the job's places", aJob().in(PARIS).in(POTSDAM), BERLIN, 0.8),
                Arguments.of("remote: everyone fits", aJob().in(BERLIN).remote(), LONDON, 1.0));
    }

    @ParameterizedTest(name = "{0} → {3}")
    @MethodSource("places")
    void theCloserTheCandidateLivesTheHigherTheScore(String what, JobBuilder job, Place home, double score) {
        assertThat(LocationFit.of(job.build(), home).score()).isEqualTo(score);
    }

    @Test
    void theSentenceNamesTheCandidatesPlaceAndTheClosestOfTheJobs() {
        JobFacts onSite = aJob().in(PARIS).in(POTSDAM).build();

        assertThat(LocationFit.of(onSite, BERLIN).detail())
                .isEqualTo("lives in Berlin, Berlin, DE; job on site in Potsdam, Berlin, DE");
        assertThat(LocationFit.of(aJob().in(BERLIN).hybrid().build(), LONDON).detail())
                .isEqualTo("lives in London, GB; job in Berlin, Berlin, DE");
        assertThat(LocationFit.of(aJob().remote().build(), LONDON).detail()).isEqualTo("remote job");
    }

    static Stream<Arguments> unknowns() {
        return Stream.of(
                Arguments.of(aJob(), BERLIN, "the job names no location"),
                Arguments.of(aJob().in(BERLIN), null, "the candidate's location is not known"),
                Arguments.of(aJob().in(BERLIN), new Place(null, null, null), "the candidate's location is not known"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("unknowns")
    void withoutAPlaceOnEitherSideTheCategoryDoesNotApply(JobBuilder job, Place home, String detail) {
        Fit fit = LocationFit.of(job.build(), home);

        assertThat(fit.score()).isNull();
        assertThat(fit.detail()).isEqualTo(detail);
    }
}
