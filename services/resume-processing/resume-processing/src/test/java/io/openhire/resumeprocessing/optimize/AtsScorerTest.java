package io.openhire.resumeprocessing.optimize;

import static io.openhire.resumeprocessing.optimize.AtsTestData.aJob;
import static io.openhire.resumeprocessing.optimize.AtsTestData.aResume;
import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.resumeprocessing.client.AtsReport;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a candidate sees in the ATS check: the score moves the right way, and every lost point says why. */
class AtsScorerTest {

    private static final AtsScorer SCORER = new AtsScorer(AtsTestData.TAXONOMY);
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private static AtsReport score(AtsTestData.ResumeBuilder resume, AtsTestData.JobBuilder job) {
        return SCORER.score(
                UUID.randomUUID(), resume.profile(), resume.text(), job.text(), job.title(), UUID.randomUUID(), NOW);
    }

    private static AtsReport.Category category(AtsReport report, String name) {
        return report.breakdown().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aResumeWithEverythingTheJobAsksForGetsFullMarksForSkillsSectionsAndTitle() {
        AtsReport report = score(aResume(), aJob());

        assertThat(report.missingSkills()).isEmpty();
        assertThat(report.matchedSkills())
                .extracting(AtsReport.SkillWeight::name)
                .contains("Java", "PostgreSQL", "Kubernetes", "Terraform");
        assertThat(category(report, "skills").score()).isEqualTo(50);
        assertThat(category(report, "sections").score()).isEqualTo(10);
        assertThat(category(report, "title").score()).isEqualTo(10);
        assertThat(report.suggestions()).noneMatch(s -> s.startsWith("The job asks for"));
        assertThat(report.score())
                .isEqualTo(report.breakdown().stream()
                        .mapToInt(AtsReport.Category::score)
                        .sum())
                .isBetween(80, 100);
        assertThat(report.breakdown()).allSatisfy(c -> assertThat(c.score()).isBetween(0, c.max()));
    }

    @Test
    void aMissingRequiredSkillCostsMoreThanAMissingNiceToHaveAndEachSaysWhatToDo() {
        AtsReport withoutRequired = score(
                aResume()
                        .withSkills("Java", "Spring Boot", "PostgreSQL", "Terraform")
                        .withBullets("Built Java services on PostgreSQL, 2,000 requests per second, for 14 teams."),
                aJob());
        AtsReport withoutNiceToHave = score(
                aResume()
                        .withSkills("Java", "Spring Boot", "PostgreSQL", "Kubernetes")
                        .withBullets("Built Java services on PostgreSQL, 2,000 requests per second, for 14 teams."),
                aJob());

        assertThat(withoutRequired.missingSkills()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Kubernetes");
            assertThat(s.required()).isTrue();
        });
        assertThat(withoutNiceToHave.missingSkills()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Terraform");
            assertThat(s.required()).isFalse();
        });
        assertThat(category(withoutRequired, "skills").score())
                .isLessThan(category(withoutNiceToHave, "skills").score());
        assertThat(category(withoutNiceToHave, "skills").score()).isLessThan(50);
        assertThat(withoutRequired.suggestions())
                .contains(
                        "The job asks for Kubernetes. If you have it, list it under Skills and show where you used it.");
        assertThat(withoutNiceToHave.suggestions())
                .contains("Terraform is a plus for this job; mention it if it is true for you.");
    }

    @Test
    void aSkillTheJobMentionsMoreOftenWeighsMore() {
        AtsReport report = score(
                aResume().withSkills().withBullets("Wrote Python tools, 14 of them, used by 300 people."),
                aJob().withIntro("You write Java every day: Java services, Java tools.")
                        .requiring("Java", "Docker")
                        .niceToHave());

        assertThat(report.missingSkills())
                .extracting(AtsReport.SkillWeight::name)
                .containsExactly("Java", "Docker"); // heaviest first
        assertThat(report.missingSkills().get(0).weight())
                .isGreaterThan(report.missingSkills().get(1).weight());
    }

    static Stream<Arguments> sectionsAnAtsLooksFor() {
        return Stream.of(
                Arguments.of(
                        "no email or phone",
                        (UnaryOperator<AtsTestData.ResumeBuilder>) AtsTestData.ResumeBuilder::withoutContact,
                        3,
                        "Add an email address and a phone number at the top."),
                Arguments.of(
                        "jobs without dates",
                        (UnaryOperator<AtsTestData.ResumeBuilder>) AtsTestData.ResumeBuilder::withoutDates,
                        3,
                        "Give each job a start and end date (month and year): ATS systems compute experience from them."),
                Arguments.of(
                        "no education",
                        (UnaryOperator<AtsTestData.ResumeBuilder>) AtsTestData.ResumeBuilder::withoutEducation,
                        2,
                        "Add an Education section, even a short one."),
                Arguments.of(
                        "no skills section",
                        (UnaryOperator<AtsTestData.ResumeBuilder>) AtsTestData.ResumeBuilder::withoutSkillsSection,
                        2,
                        "Add a Skills section that lists your tools and technologies by name."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void sectionsAnAtsLooksFor(
            String what, UnaryOperator<AtsTestData.ResumeBuilder> change, int pointsLost, String suggestion) {
        AtsReport complete = score(aResume(), aJob());
        AtsReport lacking = score(change.apply(aResume()), aJob());

        assertThat(category(lacking, "sections").score())
                .isEqualTo(category(complete, "sections").score() - pointsLost);
        assertThat(lacking.suggestions()).contains(suggestion);
        assertThat(complete.suggestions()).doesNotContain(suggestion);
    }

    @Test
    void titlesThatEchoTheJobTitleScoreAndOnesThatDoNotGetAHint() {
        AtsReport sameRole = score(aResume(), aJob().titled("Lead Backend Engineers"));
        AtsReport otherRole = score(aResume(), aJob().titled("Data Scientist"));

        // "engineers" counts as "engineer": titles are compared by stem.
        assertThat(category(sameRole, "title").score())
                .isGreaterThan(category(otherRole, "title").score());
        assertThat(category(otherRole, "title").score()).isZero();
        assertThat(otherRole.suggestions())
                .contains("Your titles and headline do not echo \"Data Scientist\"; if the role fits, say so in your"
                        + " headline or summary.");
        assertThat(sameRole.suggestions()).noneMatch(s -> s.startsWith("Your titles and headline"));
    }

    @Test
    void theJobsRecurringWordsMissingFromTheResumeAreNamed() {
        AtsTestData.JobBuilder job = aJob().withIntro(
                        "We deliver to pharmacies: refrigerated transport, refrigerated storage.",
                        "Our pharmacies depend on deliveries that are never late.");

        AtsReport report = score(aResume(), job);
        AtsReport echoing = score(
                aResume()
                        .withSummary("Backend engineer for refrigerated transport and storage for pharmacies,"
                                + " eight years on the JVM."),
                job);

        assertThat(report.missingKeywords()).contains("pharmacies", "refrigerated");
        assertThat(report.suggestions())
                .anyMatch(s -> s.startsWith("Use the job's own words where they are true for you: ")
                        && s.contains("refrigerated"));
        assertThat(echoing.matchedKeywords()).contains("pharmacies", "refrigerated");
        assertThat(category(echoing, "keywords").score())
                .isGreaterThan(category(report, "keywords").score());
    }

    @Test
    void aShortResumeIsToldToSayMore() {
        AtsReport full = score(aResume(), aJob());
        AtsReport thin = score(
                aResume().withSummary("Backend engineer.").withBullets("Worked on Java services with Kubernetes."),
                aJob());

        assertThat(category(thin, "style").score())
                .isLessThan(category(full, "style").score());
        assertThat(thin.suggestions())
                .anyMatch(s -> s.matches("The resume is short \\(\\d+ words\\): describe what you did .*"));
        assertThat(full.suggestions())
                .noneMatch(s -> s.startsWith("The resume is short"))
                .noneMatch(s -> s.startsWith("Quantify results"));
    }

    @Test
    void aWallOfTextIsToldToBreakIntoBullets() {
        String wall = String.join(" ", java.util.Collections.nCopies(30, "planned routes for drivers"));

        AtsReport report = score(aResume().withSummary(wall), aJob());

        assertThat(report.suggestions())
                .contains("Break long paragraphs into bullet points; parsers and readers skim.");
        assertThat(category(report, "style").score())
                .isLessThan(category(score(aResume(), aJob()), "style").score());
    }
}
