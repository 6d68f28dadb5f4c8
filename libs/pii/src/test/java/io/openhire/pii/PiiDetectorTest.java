package io.openhire.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PiiDetectorTest {

    private final PiiDetector detector = PiiDetector.standard();

    private List<String> found(String text, PiiType type) {
        return detector.analyze(text).stream()
                .filter(s -> s.type() == type)
                .map(s -> text.substring(s.start(), s.end()))
                .toList();
    }

    @Test
    void findsAResumeHeadersContactDetails() {
        String resume = """
                Priya Raman
                Senior Data Engineer
                priya.raman@example.org | +44 20 7946 0958 | linkedin.com/in/priya-raman
                221B Baker Street, London
                """;
        assertThat(found(resume, PiiType.PERSON)).containsExactly("Priya Raman");
        assertThat(found(resume, PiiType.EMAIL_ADDRESS)).containsExactly("priya.raman@example.org");
        assertThat(found(resume, PiiType.PHONE_NUMBER)).containsExactly("+44 20 7946 0958");
        assertThat(found(resume, PiiType.SOCIAL_HANDLE)).containsExactly("linkedin.com/in/priya-raman");
        assertThat(found(resume, PiiType.STREET_ADDRESS)).containsExactly("221B Baker Street");
        assertThat(found(resume, PiiType.LOCATION)).containsExactly("London");
    }

    @Test
    void numbersAreOnlyReportedWhenTheirCheckDigitAgrees() {
        String text = "Card 4111 1111 1111 1111, not 4111 1111 1111 1112. IBAN DE89 3704 0044 0532 0130 00.";
        assertThat(found(text, PiiType.CREDIT_CARD)).containsExactly("4111 1111 1111 1111");
        assertThat(found(text, PiiType.IBAN_CODE)).containsExactly("DE89 3704 0044 0532 0130 00");
    }

    @Test
    void bareNineDigitNumbersNeedTheirContext() {
        assertThat(found("Order 111222333 shipped", PiiType.NL_BSN)).isEmpty();
        assertThat(found("BSN: 111222333", PiiType.NL_BSN)).containsExactly("111222333");
        assertThat(found("SSN 536-22-1234", PiiType.US_SSN)).containsExactly("536-22-1234");
        assertThat(found("NI number AB 12 34 56 C", PiiType.UK_NINO)).containsExactly("AB 12 34 56 C");
    }

    @Test
    void aDateAfterBornIsADateOfBirthAndOtherDatesAreDates() {
        String text = "Date of birth: 12.03.1988. Interview on March 4, 2026 at 10:30 am.";
        assertThat(found(text, PiiType.DATE_OF_BIRTH)).containsExactly("12.03.1988");
        assertThat(found(text, PiiType.DATE_TIME)).containsExactly("March 4, 2026 at 10:30 am");
    }

    @Test
    void personalDetailsAResumeShouldNotCarry() {
        String text = "Age: 34\nMarital status: Married\nGender: Female\nNationality: Indian\nReligion: Hindu";
        assertThat(found(text, PiiType.AGE)).containsExactly("34");
        assertThat(found(text, PiiType.MARITAL_STATUS)).containsExactly("Married");
        assertThat(found(text, PiiType.GENDER)).containsExactly("Female");
        assertThat(found(text, PiiType.NRP)).containsExactly("Indian");
        assertThat(found(text, PiiType.RELIGION)).containsExactly("Hindu");
    }

    @Test
    void aLanguageIsNotANationality() {
        assertThat(found("Languages: German (native), English (C1)", PiiType.NRP))
                .isEmpty();
        assertThat(found("She is a German citizen.", PiiType.NRP)).containsExactly("German");
    }

    @Test
    void aListOfSkillsIsNotAListOfPlaces() {
        String headed = "Skills: Kubernetes, Kafka, Spark\n";
        String underAHeading = "Technical skills\nKubernetes, Kafka, Spark\nLives in Madrid\n";
        for (PiiType type : List.of(PiiType.LOCATION, PiiType.PERSON, PiiType.ORGANIZATION)) {
            assertThat(found(headed, type)).as(type.name()).isEmpty();
            assertThat(found(underAHeading, type)).as(type.name()).doesNotContain("Spark", "Kafka", "Kubernetes");
        }
        assertThat(found(underAHeading, PiiType.LOCATION))
                .as("the line after the list")
                .containsExactly("Madrid");
    }

    @Test
    void aResumesProseIsNotTakenForNames() {
        String prose = """
                In collaboration with DFAS Europe, developed an automated tool that identified duplicate obligations.
                I worked with teammates from the Procure to Pay and Order to Cash areas to resolve daily challenges
                encountered with the deployment of DEAMS to additional customers.
                Served on a tiger team which resolved General Ledger postings in August 2012.
                """;
        for (PiiType type : List.of(PiiType.PERSON, PiiType.LOCATION, PiiType.ORGANIZATION)) {
            assertThat(found(prose, type))
                    .as(type.name())
                    .allSatisfy(name -> assertThat(name.split("\\s+").length).isLessThanOrEqualTo(6))
                    .allSatisfy(name -> assertThat(name).matches("\\p{Lu}.*").doesNotContain(","))
                    .doesNotContain("Served", "DEAMS", "August");
        }
    }

    @Test
    void aResumesHeadingIsNobody() {
        assertThat(found("Curriculum Vitae\nPriya Raman\n", PiiType.PERSON)).containsExactly("Priya Raman");
        assertThat(found("Curriculum vitae - Priya Raman\n", PiiType.PERSON)).containsExactly("Priya Raman");
    }

    @Test
    void namesFromTheirSurroundings() {
        assertThat(found("Dear Ms. Okafor, thank you", PiiType.PERSON)).containsExactly("Okafor");
        assertThat(found("Contact person: Jan Kowalski", PiiType.PERSON)).containsExactly("Jan Kowalski");
        assertThat(found("Dear Hiring Manager,", PiiType.PERSON)).isEmpty();
        assertThat(found("Reports to Maria Gonzalez in Madrid.", PiiType.PERSON))
                .containsExactly("Maria Gonzalez");
        assertThat(found("Reports to Maria Gonzalez in Madrid.", PiiType.LOCATION))
                .containsExactly("Madrid");
    }

    @Test
    void workHistoryYearsAreNotPhoneNumbers() {
        assertThat(found("Acme GmbH 2016 - 2020, Globex 2020-2024", PiiType.PHONE_NUMBER))
                .isEmpty();
        assertThat(found("Worked at Acme GmbH in Berlin", PiiType.ORGANIZATION)).containsExactly("Acme GmbH");
    }

    @Test
    void webAndNetworkAddresses() {
        String text =
                "See https://example.com/jobs?id=4 or www.openhire.io; logged in from 203.0.113.9 and 2001:db8::8a2e:370:7334.";
        assertThat(found(text, PiiType.URL)).containsExactly("https://example.com/jobs?id=4", "www.openhire.io");
        assertThat(found(text, PiiType.IP_ADDRESS)).containsExactly("203.0.113.9", "2001:db8::8a2e:370:7334");
        assertThat(found("Skills: ASP.NET, Node.js", PiiType.URL)).isEmpty();
    }

    @Test
    void onlyTheAskedTypesAboveTheThreshold() {
        String text = "Mail jane@example.com or call +1 512 555 0147";
        assertThat(detector.analyze(text, Set.of(PiiType.EMAIL_ADDRESS), 0.5))
                .extracting(PiiSpan::type, PiiSpan::start, PiiSpan::end)
                .containsExactly(tuple(PiiType.EMAIL_ADDRESS, 5, 21));
    }
}
