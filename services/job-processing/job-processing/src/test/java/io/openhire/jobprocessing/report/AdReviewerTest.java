package io.openhire.jobprocessing.report;

import static io.openhire.jobprocessing.report.JobAdTestData.anAd;
import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.jobprocessing.analysis.JobAnalyser;
import io.openhire.jobprocessing.analysis.Sections;
import io.openhire.jobprocessing.analysis.SkillExtractor;
import io.openhire.skills.SkillsTaxonomy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What a recruiter sees in an ad's review: the score moves the right way, and each lost point says why. */
class AdReviewerTest {

    private static final AdReviewer REVIEWER = new AdReviewer(
            new JobAnalyser(new SkillExtractor(SkillsTaxonomy.load())),
            Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));

    private static AdReport review(JobAdTestData.Builder ad) {
        return REVIEWER.review(ad.build()).report();
    }

    private static AdReport.Category category(AdReport report, String name) {
        return report.breakdown().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static AdReport.RewriteField rewrite(AdReport report, String field) {
        return report.rewrite().stream()
                .filter(f -> f.field().equals(field))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aCompleteAdMissesNothingAndItsScoreIsTheSumOfItsCategories() {
        AdReport report = review(anAd());

        assertThat(report.missingSections()).isEmpty();
        assertThat(category(report, "completeness").score()).isEqualTo(30);
        assertThat(category(report, "completeness").notes()).isEmpty();
        assertThat(report.breakdown())
                .extracting(AdReport.Category::name)
                .containsExactly("completeness", "length", "readability", "inclusiveLanguage", "keywordCoverage");
        assertThat(report.breakdown()).allSatisfy(c -> assertThat(c.score()).isBetween(0, c.max()));
        assertThat(report.score())
                .isEqualTo(report.breakdown().stream()
                        .mapToInt(AdReport.Category::score)
                        .sum());
    }

    @Test
    void anAdWithoutASalaryLosesEightPointsAndIsAskedForThePayRange() {
        AdReport complete = review(anAd());
        AdReport withoutSalary = review(anAd().withoutSalary());

        assertThat(withoutSalary.missingSections()).containsExactly("salary");
        assertThat(withoutSalary.score()).isEqualTo(complete.score() - 8);
        assertThat(category(withoutSalary, "completeness").notes()).containsExactly("Missing: salary");
        assertThat(rewrite(withoutSalary, "salary").reason()).startsWith("State the pay range");
        assertThat(rewrite(complete, "salary").suggested()).isEqualTo("70000–90000 EUR per year");
    }

    @Test
    void eachMissingSectionIsNamedCostsItsPointsAndTheRewriteSaysWhatToAdd() {
        AdReport withoutResponsibilities = review(anAd().withoutResponsibilities());
        AdReport withoutRequirements = review(anAd().withoutRequirements());
        AdReport withoutBenefits = review(anAd().withoutBenefits());

        assertThat(withoutResponsibilities.missingSections()).containsExactly("responsibilities");
        assertThat(category(withoutResponsibilities, "completeness").score()).isEqualTo(24);
        assertThat(rewrite(withoutResponsibilities, "responsibilities").reason())
                .isEqualTo("Add 4–6 bullets on what the person will do");

        assertThat(withoutRequirements.missingSections()).containsExactly("requirements");
        assertThat(category(withoutRequirements, "completeness").score()).isEqualTo(24);

        assertThat(withoutBenefits.missingSections()).containsExactly("benefits");
        assertThat(category(withoutBenefits, "completeness").score()).isEqualTo(26);
        assertThat(rewrite(withoutBenefits, "benefits").reason())
                .isEqualTo("Add the benefits: ads that state them attract more applicants");
    }

    @Test
    void aRemoteJobNeedsNoPlaceButOneWithoutAPlaceOrWorkplaceDoes() {
        AdReport remote = review(anAd().remote());
        AdReport nowhere = review(anAd().withoutLocation());

        assertThat(remote.missingSections()).isEmpty();
        assertThat(nowhere.missingSections()).containsExactly("location");
        assertThat(rewrite(nowhere, "location").reason()).isEqualTo("Say whether the job is on-site, hybrid or remote");
        assertThat(rewrite(review(anAd()), "location").suggested()).isEqualTo("Berlin, Germany · hybrid");
    }

    @Test
    void anExcludingPhraseCostsFivePointsAndIsListedWithItsReason() {
        AdReport plain = review(anAd());
        AdReport excluding = review(anAd().withSummary(
                        "Northwind plans the deliveries of 400 shops. We want a backend ninja who is a native English"
                                + " speaker."));

        assertThat(category(excluding, "inclusiveLanguage").score())
                .isEqualTo(category(plain, "inclusiveLanguage").score() - 10);
        assertThat(category(excluding, "inclusiveLanguage").notes())
                .contains(
                        "\"ninja\": Jargon that reads as exclusive and masculine-coded",
                        "\"native English speaker\": Refers to national origin");
        assertThat(excluding.inclusiveLanguage().exclusionary())
                .extracting(InclusiveLanguage.Finding::suggestion)
                .contains("expert, specialist, experienced", "fluent in the language");
        // Where there is one better phrase, the rewrite uses it.
        assertThat(rewrite(excluding, "summary").suggested())
                .contains("fluent in the language")
                .doesNotContain("native English speaker");
    }

    @Test
    void manyExcludingPhrasesTakeTheWordingScoreToZeroNotBelow() {
        AdReport report = review(anAd().withSummary(
                        "Young rock star ninjas wanted: digital natives, recent graduates, able-bodied guys."));

        assertThat(report.inclusiveLanguage().exclusionary()).hasSizeGreaterThan(5);
        assertThat(category(report, "inclusiveLanguage").score()).isZero();
    }

    @Test
    void masculineCodedWordingCostsTwoPointsEachBeyondTheFeminineAndTheRewriteOffersNeutralWords() {
        AdReport plain = review(anAd());
        String summary = "You are driven, fearless and independent. You will lead our checkout team.";
        AdReport coded = review(anAd().withSummary(summary));

        // driven, fearless, independent and lead against "together" and "share" in the responsibilities.
        assertThat(category(coded, "inclusiveLanguage").score())
                .isEqualTo(category(plain, "inclusiveLanguage").score() - 4);
        assertThat(category(coded, "inclusiveLanguage").notes())
                .first()
                .isEqualTo("Wording is masculine-coded (4 masculine, 2 feminine-coded words)");
        // "lead" stays: leading a team is the job, not a word to avoid.
        assertThat(rewrite(coded, "summary").original()).isEqualTo(summary);
        assertThat(rewrite(coded, "summary").suggested())
                .isEqualTo("You are motivated, willing to try new things and self-directed. You will lead our checkout"
                        + " team.");
    }

    @Test
    void aShortAdScoresLengthInProportionAndOneOfTheIdealLengthScoresInFull() {
        AdReport shortAd = review(anAd());
        String[] duties = IntStream.range(0, 40)
                .mapToObj(i -> "Plan the delivery routes of shop " + i + " with the drivers and the shop owners")
                .toArray(String[]::new);
        AdReport idealAd = review(anAd().withResponsibilities(duties));

        int words = shortAd.readability().words();
        assertThat(words).isLessThan(AdReviewer.IDEAL_MIN_WORDS);
        assertThat(category(shortAd, "length").score())
                .isEqualTo((int) Math.round(10.0 * words / AdReviewer.IDEAL_MIN_WORDS));
        assertThat(category(shortAd, "length").notes()).containsExactly(words + " words; 250–900 read best");
        assertThat(idealAd.readability().words()).isBetween(AdReviewer.IDEAL_MIN_WORDS, AdReviewer.IDEAL_MAX_WORDS);
        assertThat(category(idealAd, "length").score()).isEqualTo(10);
    }

    @Test
    void titleWordsTheTextNeverUsesAreNamed() {
        AdReport report = review(anAd().titled("Logistics Platform Engineer"));

        assertThat(report.keywordCoverage().titleTermsMissingFromText()).containsExactly("logistics");
        assertThat(category(report, "keywordCoverage").notes()).contains("Title words not used in the text: logistics");
    }

    @Test
    void theStatedExperienceAndSkillsBecomeTheSuggestedRequirementsAndNiceToHavesStayApart() {
        AdReport report = review(anAd());

        assertThat(report.keywordCoverage().minYearsExperience()).isEqualTo(3);
        assertThat(report.keywordCoverage().requiredSkills())
                .extracting(SkillExtractor.ExtractedSkill::name)
                .contains("Java", "PostgreSQL", "Apache Kafka", "Docker")
                .doesNotContain("Terraform");
        assertThat(report.keywordCoverage().niceToHaveSkills())
                .extracting(SkillExtractor.ExtractedSkill::name)
                .contains("Terraform");
        assertThat(rewrite(report, "requirements").suggested())
                .startsWith("- 3+ years of relevant experience\n")
                .contains("- Java", "- PostgreSQL")
                .doesNotContain("Terraform");
        assertThat(rewrite(report, "niceToHave").suggested()).contains("- Terraform");
    }

    @Test
    void anAdThatStatesNeitherLevelNorYearsLosesFivePointsAndIsToldSo() {
        AdReport stated = review(anAd());
        AdReport unstated =
                review(anAd().withRequirements("Java and Spring Boot", "PostgreSQL", "Apache Kafka", "Docker"));

        assertThat(category(unstated, "keywordCoverage").notes())
                .contains("Neither a level nor the years of experience are stated");
        assertThat(category(unstated, "keywordCoverage").score())
                .isEqualTo(category(stated, "keywordCoverage").score() - 5);
        assertThat(category(
                                review(anAd().withSeniority("SENIOR")
                                        .withRequirements(
                                                "Java and Spring Boot", "PostgreSQL", "Apache Kafka", "Docker")),
                                "keywordCoverage")
                        .notes())
                .doesNotContain("Neither a level nor the years of experience are stated");
    }

    @Test
    void theDescriptionBecomesHtmlWithAHeadingPerSectionListsAndEscapedText() {
        String html = AdReviewer.html(Sections.of("We ship <fast>.\n\nRequirements\n- Java\n- SQL\nBenefits\n- Lunch"));

        assertThat(html)
                .isEqualTo("<p>We ship &lt;fast&gt;.</p><h3>Requirements</h3><ul><li>Java</li><li>SQL</li></ul>"
                        + "<h3>Benefits</h3><ul><li>Lunch</li></ul>");
    }
}
