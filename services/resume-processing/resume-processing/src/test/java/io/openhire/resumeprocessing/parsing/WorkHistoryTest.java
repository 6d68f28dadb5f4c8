package io.openhire.resumeprocessing.parsing;

import static io.openhire.resumeprocessing.parsing.ResumeLines.aResume;
import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.resumeprocessing.client.CandidateProfile;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class WorkHistoryTest {

    static final YearMonth NOVEMBER_2026 = YearMonth.of(2026, 11);

    static Stream<Arguments> layouts() {
        return Stream.of(
                // title / employer - place / dates
                Arguments.of(
                        aResume()
                                .section(
                                        "EXPERIENCE",
                                        "Senior Backend Engineer",
                                        "Northwind Logistics GmbH - Berlin, Germany",
                                        "March 2020 to Present",
                                        "• Led the move of 14 services to k8s."),
                        List.of(new CandidateProfile.Work(
                                "Senior Backend Engineer",
                                "Northwind Logistics GmbH",
                                "Berlin, Germany",
                                "2020-03",
                                null,
                                true,
                                81))),
                // everything on the date line
                Arguments.of(
                        aResume()
                                .section(
                                        "WORK EXPERIENCE",
                                        "Software Engineer at Contoso Payments Ltd | Jun 2016 - Feb 2020",
                                        "Built Java and Spring Boot APIs handling 2,000 requests per second."),
                        List.of(new CandidateProfile.Work(
                                "Software Engineer", "Contoso Payments Ltd", null, "2016-06", "2020-02", false, 45))),
                // dates / employer, place / title
                Arguments.of(
                        aResume()
                                .section(
                                        "EMPLOYMENT HISTORY",
                                        "01/2015 - 12/2017",
                                        "Time Warner Cable, Overland Park, KS",
                                        "Customer Service Representative"),
                        List.of(new CandidateProfile.Work(
                                "Customer Service Representative",
                                "Time Warner Cable",
                                "Overland Park, KS",
                                "2015-01",
                                "2017-12",
                                false,
                                36))),
                // latest first; the same job dated twice counts once
                Arguments.of(
                        aResume()
                                .section("EXPERIENCE", "Data Analyst, Fabrikam Bank, 2012 - 2014")
                                .section("PROJECTS", "Churn model")
                                .section(
                                        "PROFESSIONAL EXPERIENCE",
                                        "Data Scientist, Fabrikam Bank, 2015 - 2019",
                                        "Data Analyst, Fabrikam Bank, 2012 - 2014"),
                        List.of(
                                new CandidateProfile.Work(
                                        "Data Scientist", "Fabrikam Bank", null, "2015-01", "2019-12", false, 60),
                                new CandidateProfile.Work(
                                        "Data Analyst", "Fabrikam Bank", null, "2012-01", "2014-12", false, 36))),
                // no experience section: dated lines elsewhere still count
                Arguments.of(
                        aResume().line("Meera Iyer", "Teacher, Springfield High School (2018 - 2022)"),
                        List.of(new CandidateProfile.Work(
                                "Teacher", "Springfield High School", null, "2018-01", "2022-12", false, 60))),
                Arguments.of(aResume().section("EXPERIENCE", "Led teams and shipped products."), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void readsJobsAroundTheirDates(ResumeLines resume, List<CandidateProfile.Work> jobs) {
        assertThat(WorkHistory.of(
                        resume.lines(),
                        resume.sections(),
                        NOVEMBER_2026,
                        TaggedLines.none(resume.lines().size())))
                .containsExactlyElementsOf(jobs);
    }

    @ParameterizedTest(name = "{0}: employer word {1}, plausible {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Contoso Payments Ltd           | true  | true
            Fleet Advertising Ltd.         | true  | true
            Fabrikam Bank                  | true  | true
            Northwind                      | false | true
            3M                             | false | true
            responsible for daily reports. | false | false
            Managed the team.              | false | false
            """)
    void tellsAnEmployerFromASentence(String text, boolean employerWord, boolean plausible) {
        assertThat(WorkHistory.looksLikeEmployer(text)).isEqualTo(employerWord);
        assertThat(WorkHistory.plausibleEmployer(text)).isEqualTo(plausible);
    }
}
