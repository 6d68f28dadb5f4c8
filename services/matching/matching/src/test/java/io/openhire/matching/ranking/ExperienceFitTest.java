package io.openhire.matching.ranking;

import static io.openhire.matching.ranking.MatchTestData.aCandidate;
import static io.openhire.matching.ranking.MatchTestData.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.openhire.matching.ranking.MatchTestData.CandidateBuilder;
import io.openhire.matching.ranking.MatchTestData.JobBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Whether the candidate has the experience the job asks for, and the sentence a recruiter reads beside it. */
class ExperienceFitTest {

    static JobBuilder seniorJobAskingFiveYears() {
        return aJob().seniority("SENIOR").askingYears(5);
    }

    static Stream<Arguments> candidates() {
        return Stream.of(
                Arguments.of(
                        "enough years at the level",
                        seniorJobAskingFiveYears(),
                        aCandidate().titled("Senior Backend Engineer").years(8),
                        1.0,
                        "8.0 years (asks 5+); senior for a senior role"),
                Arguments.of(
                        "half the years, one level below",
                        seniorJobAskingFiveYears(),
                        aCandidate().titled("Backend Engineer").years(2.5),
                        (0.5 + 0.65) / 2,
                        "2.5 years (asks 5+); mid level for a senior role"),
                Arguments.of(
                        "a junior for a senior role",
                        seniorJobAskingFiveYears(),
                        aCandidate().titled("Junior Backend Developer").years(1.5),
                        (0.3 + 0.3) / 2,
                        "1.5 years (asks 5+); entry level for a senior role"),
                Arguments.of(
                        "years only: the job names no level",
                        aJob().askingYears(4),
                        aCandidate().titled("Backend Engineer").years(3),
                        0.75,
                        "3.0 years (asks 4+)"),
                Arguments.of(
                        "level only: the years are unknown",
                        aJob().seniority("MID").askingYears(3),
                        aCandidate().titled("Staff Engineer"),
                        0.3,
                        "lead or manager for a mid role"),
                Arguments.of(
                        "three or more levels apart scores nothing",
                        aJob().seniority("DIRECTOR"),
                        aCandidate().titled("Engineering Intern"),
                        0.0,
                        "intern for a director role"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("candidates")
    void yearsAndLevelAgainstWhatTheJobAsks(
            String what, JobBuilder job, CandidateBuilder candidate, double score, String detail) {
        Fit fit = ExperienceFit.of(job.build(), candidate.build(), null);

        assertThat(fit.score()).isCloseTo(score, within(1e-9));
        assertThat(fit.detail()).isEqualTo(detail);
    }

    @Test
    void yearsCountOnlyAsFarAsTheBackgroundIsRelated() {
        Fit fit = ExperienceFit.of(
                seniorJobAskingFiveYears().build(),
                aCandidate().titled("Senior Nurse").years(12).build(),
                0.25);

        assertThat(fit.score()).isEqualTo(0.25);
        assertThat(fit.detail())
                .isEqualTo("12.0 years (asks 5+); senior for a senior role; "
                        + "counted at 25%: that is how related the background is");
        assertThat(ExperienceFit.of(
                                seniorJobAskingFiveYears().build(),
                                aCandidate().titled("Senior Engineer").years(8).build(),
                                1.0)
                        .detail())
                .doesNotContain("counted at");
    }

    @Test
    void withNothingToCompareTheCategoryDoesNotApply() {
        Fit unknownYears =
                ExperienceFit.of(aJob().askingYears(5).build(), aCandidate().build(), null);
        Fit noAsk = ExperienceFit.of(aJob().build(), aCandidate().years(3).build(), null);

        assertThat(unknownYears.score()).isNull();
        assertThat(unknownYears.detail()).isEqualTo("years of experience unknown");
        assertThat(noAsk.score()).isNull();
        assertThat(noAsk.detail()).isEqualTo("the job asks for no experience level");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            INTERN    | 0
            ENTRY     | 1
            MID       | 2
            SENIOR    | 3
            LEAD      | 4
            MANAGER   | 4
            DIRECTOR  | 5
            EXECUTIVE | 6
            PRINCIPAL |
            """)
    void aJobsSeniorityIsALevel(String seniority, Integer level) {
        assertThat(ExperienceFit.level(seniority)).isEqualTo(level);
    }

    @ParameterizedTest(name = "\"{0}\", {1} years → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Chief Technology Officer        |    | 6
            VP of Engineering               |    | 5
            Principal Engineer              |    | 4
            Engineering Manager             |    | 4
            Sr. Developer                   |    | 3
            Software Engineering Intern     |    | 0
            Apprentice Electrician          | 12 | 0
            Graduate Analyst                |    | 1
            Associate Consultant            | 10 | 1
            Software Engineer               |    | 1
            Software Engineer               | 1  | 1
            Software Engineer               | 3  | 2
            Software Engineer               | 6  | 3
            Software Engineer               | 10 | 4
            """)
    void aCandidatesLevelComesFromTheTitleElseFromTheYears(String title, Double years, int level) {
        CandidateBuilder candidate = aCandidate().titled(title);
        if (years != null) {
            candidate.years(years);
        }

        assertThat(ExperienceFit.candidateLevel(candidate.build())).isEqualTo(level);
    }
}
