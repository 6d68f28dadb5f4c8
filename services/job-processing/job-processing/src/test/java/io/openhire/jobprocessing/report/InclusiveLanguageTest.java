package io.openhire.jobprocessing.report;

import static io.openhire.jobprocessing.report.JobAdTestData.anAd;
import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.jobprocessing.report.InclusiveLanguage.CodedWord;
import io.openhire.jobprocessing.report.InclusiveLanguage.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a recruiter sees in the wording check: which words are coded, which phrases exclude, what to write. */
class InclusiveLanguageTest {

    @Test
    void aPlainlyWordedAdHasNothingToChange() {
        InclusiveLanguage.Result result = InclusiveLanguage.check(anAd().description());

        assertThat(result.exclusionary()).isEmpty();
        assertThat(result.masculine()).isEmpty();
        assertThat(result.source()).isEqualTo(InclusiveLanguage.GENDER_SOURCE);
    }

    @Test
    void masculineCodedWordsAreCountedAndOfferNeutralAlternatives() {
        InclusiveLanguage.Result result =
                InclusiveLanguage.check("A competitive salary for a competitive, driven engineer.");

        assertThat(result.masculine())
                .containsExactly(
                        new CodedWord("competitive", 2, java.util.List.of("motivated", "high-performing")),
                        new CodedWord("driven", 1, java.util.List.of("motivated", "committed")));
        assertThat(result.feminine()).isEmpty();
        assertThat(result.balance()).isEqualTo("STRONGLY_MASCULINE");
    }

    @ParameterizedTest(name = "\"{0}\" reads {1}")
    @CsvSource(delimiter = '|', textBlock = """
            We ship parcels to shops.                                       | NEUTRAL
            Analytical and supportive.                                      | NEUTRAL
            You are ambitious and assertive.                                | MASCULINE
            You are ambitious, assertive, competitive and decisive.         | STRONGLY_MASCULINE
            We collaborate and support each other.                          | FEMININE
            We collaborate, support, trust and understand each other.       | STRONGLY_FEMININE
            """)
    void theBalanceWeighsMasculineAgainstFeminineCodedWords(String text, String balance) {
        assertThat(InclusiveLanguage.check(text).balance()).isEqualTo(balance);
    }

    @Test
    void everydayWordsThatMerelyStartLikeACodedStemAreNotCounted() {
        InclusiveLanguage.Result result = InclusiveLanguage.check(
                "You take responsibility for the dependencies and the lead-time of our office in Nagoya, report to"
                        + " the shareholders, kindly answer forced updates and agreements.");

        assertThat(result.masculine()).isEmpty();
        assertThat(result.feminine()).isEmpty();
    }

    @Test
    void theCodedFormsOfThoseStemsAreCounted() {
        InclusiveLanguage.Result result =
                InclusiveLanguage.check("Leadership and leading; dependable and responsive; a forceful kind person.");

        assertThat(result.masculine()).extracting(CodedWord::word).containsExactly("leadership", "leading", "forceful");
        assertThat(result.feminine()).extracting(CodedWord::word).containsExactly("dependable", "responsive", "kind");
    }

    @ParameterizedTest(name = "\"{1}\" in \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Join a young and dynamic team.                  | young                  | Refers to age                                      | remove, or describe the work instead
            Digital natives welcome.                        | Digital natives        | Implies an age group                               | comfortable with digital tools
            Ideal for recent graduates.                     | recent graduates       | Discourages older applicants                       | early-career candidates, or state the experience needed
            Max 5 years experience.                         | Max 5 years experience | An upper limit on experience excludes by age       | state the minimum experience only
            You are a Native English speaker.               | Native English speaker | Refers to national origin                          | fluent in the language
            Must be able-bodied.                            | able-bodied            | Excludes people with disabilities                  | describe the physical tasks and say adjustments are possible
            Our new salesman visits shops.                  | salesman               | A gendered word                                    | salesperson, chair, supervisor, workforce, quality of work
            The engineer will share what he learns.         | he                     | Assumes the candidate is a man                     | you / they
            We want a Kotlin Rock Star.                     | Rock Star              | Jargon that reads as exclusive and masculine-coded | expert, specialist, experienced
            Hi guys, we are hiring.                         | guys                   | Gendered or informal address                       | people, team members
            Staff must be clean-shaven.                     | clean-shaven           | May exclude for religious reasons                  | remove
            """)
    void anExcludingPhraseIsReportedAsWrittenWithWhyAndWhatToWriteInstead(
            String text, String phrase, String reason, String suggestion) {
        assertThat(InclusiveLanguage.check(text).exclusionary()).singleElement().satisfies(finding -> {
            assertThat(finding.phrase()).isEqualTo(phrase);
            assertThat(finding.reason()).isEqualTo(reason);
            assertThat(finding.suggestion()).isEqualTo(suggestion);
            assertThat(finding.source()).isNotBlank();
        });
    }

    @Test
    void eachOccurrenceIsReportedSoThatNoneIsMissedWhenEditing() {
        InclusiveLanguage.Result result = InclusiveLanguage.check("A ninja for our ninjas: a real ninja.");

        assertThat(result.exclusionary()).extracting(Finding::phrase).containsExactly("ninja", "ninjas", "ninja");
    }

    @Test
    void wordsThatOnlyContainAFlaggedOneAreNotFlagged() {
        InclusiveLanguage.Result result = InclusiveLanguage.check(
                "She will mentor the youngsters at our office in Gurugram; 3+ years of experience; the chairs are new.");

        assertThat(result.exclusionary()).isEmpty();
    }
}
