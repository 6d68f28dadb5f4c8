package io.openhire.resumeprocessing.parsing;

import static io.openhire.resumeprocessing.parsing.ExtractionBuilder.anExtraction;
import static io.openhire.resumeprocessing.parsing.ExtractionBuilder.everythingFound;
import static io.openhire.resumeprocessing.parsing.ResumeLines.aResume;
import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.resumeprocessing.parsing.NameAndLocation.Place;
import io.openhire.resumeprocessing.parsing.Periods.YearsOfExperience;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfidenceTest {

    static Map<String, Double> ordered(Object... keyValues) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], (Double) keyValues[i + 1]);
        }
        return map;
    }

    static Stream<Arguments> extractions() {
        return Stream.of(
                Arguments.of(
                        "everything found, complete",
                        everythingFound(),
                        ordered(
                                "location",
                                0.8,
                                "totalYearsExperience",
                                0.8,
                                "name",
                                0.9,
                                "emails",
                                0.99,
                                "phones",
                                0.9,
                                "work",
                                0.8,
                                "education",
                                0.8,
                                "skills",
                                0.9,
                                "summary",
                                0.7)),
                Arguments.of("nothing found", anExtraction(), ordered()),
                Arguments.of(
                        "a labelled location, the name below the first line",
                        anExtraction().location(Place.Source.LABELLED).name("Raj Kumar", 1),
                        ordered("location", 0.9, "name", 0.7)),
                Arguments.of(
                        "the location of a job, years as stated",
                        anExtraction().location(Place.Source.WORK_HISTORY).years(8, YearsOfExperience.Source.STATED),
                        ordered("location", 0.5, "totalYearsExperience", 0.5)),
                Arguments.of(
                        "a job without employer, a degree without institution",
                        anExtraction()
                                .job("Data Engineer", "Acme Inc")
                                .job("Intern", null)
                                .degree("MBA", null),
                        ordered("work", 0.5, "education", 0.5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extractions")
    void saysHowSureItIsOfEachFieldFound(String what, ExtractionBuilder found, Map<String, Double> confidence) {
        assertThat(Confidence.of(found.build())).containsExactlyEntriesOf(confidence);
    }

    static final String RESUME_LENGTH = "word ".repeat(300);

    static Stream<Arguments> texts() {
        ResumeLines twoSections = aResume().section("EXPERIENCE", "x").section("SKILLS", "y");
        return Stream.of(
                Arguments.of("a complete resume", RESUME_LENGTH, twoSections, everythingFound(), 1.0),
                Arguments.of(
                        "a resume with contacts and one known section only",
                        RESUME_LENGTH,
                        aResume().line("Priya Raman").section("SKILLS", "Java"),
                        anExtraction().email("priya@example.test").skills(2),
                        0.4),
                Arguments.of(
                        "a short note with dates",
                        "Worked at Acme 2019 - 2021.",
                        aResume().line("Worked at Acme 2019 - 2021."),
                        anExtraction().job("Engineer", "Acme"),
                        0.2),
                Arguments.of(
                        "a recipe",
                        "Preheat the oven to 200 degrees. Mix flour, sugar and butter.",
                        aResume().line("Preheat the oven to 200 degrees.", "Mix flour, sugar and butter."),
                        anExtraction(),
                        0.0),
                Arguments.of(
                        "headings only of other kinds",
                        RESUME_LENGTH,
                        aResume().section("HOBBIES", "Chess").section("REFERENCES", "On request"),
                        anExtraction().degree("BSc", "University of Leeds").skills(3),
                        0.4));
    }

    @ParameterizedTest(name = "{0} → {4}")
    @MethodSource("texts")
    void scoresHowMuchATextReadsLikeAResume(
            String what, String text, ResumeLines lines, ExtractionBuilder found, double likelihood) {
        assertThat(Confidence.resumeLikelihood(text, lines.sections(), found.build()))
                .isEqualTo(likelihood);
    }
}
