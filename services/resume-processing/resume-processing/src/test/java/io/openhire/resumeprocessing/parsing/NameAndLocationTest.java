package io.openhire.resumeprocessing.parsing;

import static io.openhire.resumeprocessing.parsing.ResumeLines.aResume;
import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.parsing.NameAndLocation.Name;
import io.openhire.resumeprocessing.parsing.NameAndLocation.Place;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NameAndLocationTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Priya Raman            | Priya Raman
            PRIYA RAMAN            | Priya Raman
            Ludwig van Beethoven   | Ludwig van Beethoven
            Mary-Jane O'Neil       | Mary-Jane O'Neil
            J. R. Smith            | J. R. Smith
            "Ana Lopez"            | Ana Lopez
            Curriculum Vitae       |
            Senior Engineer        |
            Priya                  |
            priya raman            |
            Flat 4 MG Road         |
            Work Experience        |
            Acme Technologies Pvt  |
            priya@example.test     |
            """)
    void tellsANameFromOtherHeaderPieces(String piece, String name) {
        assertThat(NameAndLocation.looksLikeName(piece)).isEqualTo(name);
    }

    static Stream<Arguments> headers() {
        return Stream.of(
                Arguments.of(aResume().line("Priya Raman", "Senior Backend Engineer"), 8, new Name("Priya Raman", 0)),
                Arguments.of(aResume().line("Name: Ana Lopez", "Madrid"), 8, new Name("Ana Lopez", 0)),
                Arguments.of(
                        aResume().line("RESUME", "RAJ KUMAR | Java Developer | raj@example.in"),
                        8,
                        new Name("Raj Kumar", 1)),
                Arguments.of(aResume().line("Senior Data Analyst", "Mumbai, Maharashtra"), 8, null),
                Arguments.of(aResume().line("CURRICULUM VITAE", "Objective", "Meera Iyer"), 2, null));
    }

    @ParameterizedTest(name = "{0} (first {1} lines)")
    @MethodSource("headers")
    void findsTheNameInTheFirstLines(ResumeLines resume, int within, Name name) {
        assertThat(NameAndLocation.name(resume.lines(), within)).isEqualTo(name);
    }

    static Stream<Arguments> headlines() {
        return Stream.of(
                Arguments.of(
                        aResume().line("Priya Raman", "Senior Backend Engineer |", "Berlin"),
                        "Senior Backend Engineer"),
                Arguments.of(aResume().line("Priya Raman", "priya@example.test", "Data Scientist"), "Data Scientist"),
                Arguments.of(aResume().line("Priya Raman", "Berlin, Germany"), null));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("headlines")
    void readsTheHeadlineAfterTheName(ResumeLines resume, String headline) {
        List<String> lines = resume.lines();
        assertThat(NameAndLocation.headline(lines, NameAndLocation.name(lines, 8), 10))
                .isEqualTo(headline);
    }

    static Stream<Arguments> locations() {
        return Stream.of(
                Arguments.of(
                        aResume().line("Priya Raman", "Berlin, Germany | priya@example.test"),
                        "Berlin",
                        "DE",
                        Place.Source.HEADER),
                Arguments.of(
                        aResume()
                                .line("Raj Kumar", "raj@example.in")
                                .section(
                                        "PERSONAL DETAILS", "Date of birth: 1 May 1990", "Location: Pune, Maharashtra"),
                        "Pune",
                        "IN",
                        Place.Source.LABELLED),
                Arguments.of(aResume().line("Ana Lopez", "ana@example.test"), null, null, null));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("locations")
    void readsALabelledLocationOrOneInTheHeader(ResumeLines resume, String city, String country, Place.Source source) {
        Place place = NameAndLocation.location(resume.lines(), 2);
        if (city == null) {
            assertThat(place).isNull();
            return;
        }
        assertThat(place.location().city()).isEqualTo(city);
        assertThat(place.location().country()).isEqualTo(country);
        assertThat(place.source()).isEqualTo(source);
    }

    @ParameterizedTest(name = "jobs in {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Austin, TX      | Austin
            -               | -
            Remote          | -
            """)
    void fallsBackOnThePlaceOfAJob(String jobLocation, String city) {
        List<CandidateProfile.Work> work =
                List.of(new CandidateProfile.Work("Data Engineer", "Acme Inc", jobLocation, "2021-01", null, true, 12));
        Place place = NameAndLocation.fromWorkHistory(work);
        if (city == null) {
            assertThat(place).isNull();
            return;
        }
        assertThat(place.location().city()).isEqualTo(city);
        assertThat(place.source()).isEqualTo(Place.Source.WORK_HISTORY);
    }
}
