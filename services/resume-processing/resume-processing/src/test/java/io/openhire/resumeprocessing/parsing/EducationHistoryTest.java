package io.openhire.resumeprocessing.parsing;

import static io.openhire.resumeprocessing.parsing.ResumeLines.aResume;
import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.resumeprocessing.client.CandidateProfile;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EducationHistoryTest {

    static Stream<Arguments> educations() {
        return Stream.of(
                Arguments.of(
                        aResume()
                                .section(
                                        "EDUCATION",
                                        "Bachelor of Science in Computer Science",
                                        "Technical University of Munich",
                                        "2012 - 2016"),
                        List.of(new CandidateProfile.Education(
                                "Bachelor of Science", "Computer Science", "Technical University of Munich", 2016))),
                Arguments.of(
                        aResume()
                                .section(
                                        "ACADEMIC QUALIFICATIONS",
                                        "B.Tech in Mechanical Engineering from IIT Bombay, 2015",
                                        "HSC, Kendriya Vidyalaya, Pune, 2011"),
                        List.of(
                                new CandidateProfile.Education("B.Tech", "Mechanical Engineering", "IIT Bombay", 2015),
                                new CandidateProfile.Education("HSC", null, "Kendriya Vidyalaya", 2011))),
                // the field is not the school
                Arguments.of(
                        aResume().section("EDUCATION", "MBA, Harvard Business School, 2019"),
                        List.of(new CandidateProfile.Education("MBA", null, "Harvard Business School", 2019))),
                // no degree names: one entry per institution
                Arguments.of(
                        aResume().section("EDUCATION", "University of Pune 2010", "Grade: First class"),
                        List.of(new CandidateProfile.Education(null, null, "University of Pune", 2010))),
                // a year more than six years ahead is not a graduation year
                Arguments.of(
                        aResume().section("EDUCATION", "Master of Science, Stanford University, 2034"),
                        List.of(new CandidateProfile.Education(
                                "Master of Science", null, "Stanford University", null))),
                // without an education section, short degree names in prose are not degrees
                Arguments.of(
                        aResume()
                                .line("Ravi Shah", "Bachelor of Commerce, St. Xavier's College, 2014")
                                .section("SUMMARY", "MBA aspirant with BA in Economics"),
                        List.of(new CandidateProfile.Education(
                                "Bachelor of Commerce", null, "St. Xavier's College", 2014))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("educations")
    void readsDegreesWithFieldInstitutionAndYear(ResumeLines resume, List<CandidateProfile.Education> education) {
        assertThat(EducationHistory.of(
                        resume.lines(),
                        resume.sections(),
                        2026,
                        TaggedLines.none(resume.lines().size())))
                .containsExactlyElementsOf(education);
    }
}
