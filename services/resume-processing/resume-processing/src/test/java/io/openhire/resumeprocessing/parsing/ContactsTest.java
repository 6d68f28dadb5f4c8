package io.openhire.resumeprocessing.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.resumeprocessing.client.CandidateProfile;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ContactsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Email: Priya.Raman@Example.TEST                         | priya.raman@example.test
            Berlin - priya@example.test - priya@example.test (again) | priya@example.test
            ana.lopez@mail.example.co.uk / raj_kumar+jobs@example.in | ana.lopez@mail.example.co.uk,raj_kumar+jobs@example.in
            Contact me through LinkedIn                               |
            """)
    void findsEachEmailOnceInLowerCase(String text, String emails) {
        assertThat(Contacts.emails(text)).containsExactlyElementsOf(list(emails));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            Berlin, Germany - +49 30 901820 | US | +4930901820
            Mobile: (415) 555-2671                           | US | +14155552671
            Phone: 98450 12345, alternate +91-80-2211-3344   | IN | +919845012345,+918022113344
            Tel. 020 7946 0018                               | GB | +442079460018
            Order 12345 shipped in 2019                      | US |
            """)
    void readsPhoneNumbersAsE164InTheGivenRegion(String text, String region, String phones) {
        assertThat(Contacts.phones(text, region)).containsExactlyElementsOf(list(phones));
    }

    static Stream<Arguments> links() {
        return Stream.of(
                Arguments.of(
                        "linkedin.com/in/priya-raman | github.com/praman",
                        new CandidateProfile.Links("linkedin.com/in/priya-raman", "github.com/praman", List.of())),
                Arguments.of(
                        "https://www.linkedin.com/in/ana-lopez/ and my site https://ana.example.dev.",
                        new CandidateProfile.Links(
                                "https://www.linkedin.com/in/ana-lopez/", null, List.of("https://ana.example.dev"))),
                Arguments.of(
                        "Portfolio (www.rajkumar.example.in) GitHub: https://github.com/rajk",
                        new CandidateProfile.Links(
                                null, "https://github.com/rajk", List.of("www.rajkumar.example.in"))),
                Arguments.of("No links at all.", new CandidateProfile.Links(null, null, List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("links")
    void sortsLinksIntoLinkedInGitHubAndOthers(String text, CandidateProfile.Links links) {
        assertThat(Contacts.links(text)).isEqualTo(links);
    }

    static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of() : List.of(commaSeparated.split(","));
    }
}
