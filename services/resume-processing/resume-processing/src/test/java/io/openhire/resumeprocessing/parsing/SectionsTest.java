package io.openhire.resumeprocessing.parsing;

import static io.openhire.resumeprocessing.parsing.ResumeLines.aResume;
import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.resumeprocessing.parsing.Sections.Kind;
import io.openhire.resumeprocessing.parsing.Sections.Section;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SectionsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            WORK EXPERIENCE                  | EXPERIENCE
            Professional Experience:         | EXPERIENCE
            Employment History               | EXPERIENCE
            • Education & Training           | EDUCATION
            ACADEMIC QUALIFICATIONS          | EDUCATION
            Technical Skills                 | SKILLS
            Tools & Technologies             | SKILLS
            Career Objective                 | SUMMARY
            Languages Known                  | LANGUAGES
            Licenses & Certifications        | CERTIFICATIONS
            Academic Projects                | PROJECTS
            Hobbies and Interests            | OTHER
            Senior Backend Engineer          |
            Experience with Kafka and PostgreSQL in production |
            Skills and expertise gained over ten years of building payment platforms |
            """)
    void aHeadingOpensItsKindOfSection(String line, Kind kind) {
        assertThat(Sections.headingOf(line)).isEqualTo(kind);
    }

    static Stream<Arguments> resumes() {
        return Stream.of(
                Arguments.of(
                        aResume()
                                .line("Priya Raman", "Senior Backend Engineer")
                                .section("EXPERIENCE", "Software Engineer", "Acme Ltd", "2019 - 2021")
                                .section("EDUCATION", "BSc Physics, University of Leeds"),
                        List.of(
                                new Section(Kind.HEADER, -1, 0, 2, null),
                                new Section(Kind.EXPERIENCE, 2, 3, 6, null),
                                new Section(Kind.EDUCATION, 6, 7, 8, null))),
                // "Skills: Java, SQL" is a section of one line; what follows still belongs to experience.
                Arguments.of(
                        aResume()
                                .section("WORK HISTORY", "Engineer, Acme Ltd, 2019 - 2021")
                                .line("Skills: Java, SQL", "Led a team of five"),
                        List.of(
                                new Section(Kind.HEADER, -1, 0, 0, null),
                                new Section(Kind.EXPERIENCE, 0, 1, 2, null),
                                new Section(Kind.SKILLS, 2, 3, 3, "Java, SQL"),
                                new Section(Kind.EXPERIENCE, 0, 3, 4, null))),
                Arguments.of(
                        aResume().line("Ana Lopez", "• Languages – Spanish, English"),
                        List.of(
                                new Section(Kind.HEADER, -1, 0, 1, null),
                                new Section(Kind.LANGUAGES, 1, 2, 2, "Spanish, English"),
                                new Section(Kind.HEADER, -1, 2, 2, null))),
                // Only skills, languages and certifications are one-line sections: an objective is a sentence.
                Arguments.of(
                        aResume().line("Raj Kumar", "Objective: To work as a Java developer in a product company"),
                        List.of(new Section(Kind.HEADER, -1, 0, 2, null))),
                Arguments.of(
                        aResume().line("Preheat the oven to 200 degrees.", "Bake for 20 minutes."),
                        List.of(new Section(Kind.HEADER, -1, 0, 2, null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resumes")
    void splitsAResumeIntoSectionsByItsHeadings(ResumeLines resume, List<Section> sections) {
        assertThat(resume.sections()).containsExactlyElementsOf(sections);
    }
}
