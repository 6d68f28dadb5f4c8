package io.openhire.jobprocessing.pipeline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.jobingestion.events.JobIngested;
import io.openhire.jobprocessing.analysis.JobAnalyser;
import io.openhire.jobprocessing.analysis.SkillExtractor;
import io.openhire.jobprocessing.report.AdReport;
import io.openhire.jobprocessing.report.AdReviewer;
import io.openhire.skills.SkillsTaxonomy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review job-processing writes is the review job-processing-client reads: a real review, written as the
 * API writes it, reads into the client's {@code AdReport} without an unknown field and writes back to the
 * same JSON. A field renamed, added or dropped on either side fails here, not in the dashboard.
 */
class AdReportClientTest {

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static final AdReviewer REVIEWER = new AdReviewer(
            new JobAnalyser(new SkillExtractor(SkillsTaxonomy.load())),
            Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));

    static final String AD = """
            We are a young team building payment services, and we want a competitive, dominant engineer.

            Responsibilities
            - Design and build backend services in Java
            - Run them on Kubernetes

            Requirements
            - 5+ years of experience as a senior backend engineer
            - Java and Spring Boot
            - Apache Kafka and PostgreSQL

            Nice to have
            - Terraform

            Benefits
            - 30 days of paid holiday
            """;

    static JobIngested job(String workplace, List<JobIngested.Location> locations) {
        return new JobIngested(
                UUID.fromString("11111111-1111-4111-8111-111111111111"),
                UUID.fromString("99999999-9999-4999-8999-999999999999"),
                3,
                "OPEN",
                null,
                "Senior Backend Engineer",
                "Northwind GmbH",
                AD,
                locations,
                workplace,
                "FULL_TIME",
                "SENIOR",
                new JobIngested.Salary(new BigDecimal("70000"), new BigDecimal("90000.50"), "EUR", "YEAR", false),
                Instant.parse("2026-11-20T00:00:00Z"),
                Instant.parse("2026-12-31T00:00:00Z"),
                "https://northwind.example/jobs/1",
                "GREENHOUSE",
                null,
                Instant.parse("2026-11-21T09:00:00Z"));
    }

    @Test
    void aReviewReadsIntoTheClientsRecordsFieldForField() {
        AdReport review = REVIEWER.review(
                        job("HYBRID", List.of(new JobIngested.Location("Berlin", "Berlin", "DE", "Berlin, Germany"))))
                .report();

        io.openhire.jobprocessing.client.AdReport read = sameBothWays(review);

        // The sample fills every part, so that each field above was compared with a value.
        assertThat(read.breakdown())
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.name()).isNotBlank());
        assertThat(read.readability().words()).isPositive();
        assertThat(read.inclusiveLanguage().masculine()).isNotEmpty();
        assertThat(read.inclusiveLanguage().exclusionary()).isNotEmpty();
        assertThat(read.keywordCoverage().requiredSkills())
                .extracting(io.openhire.jobprocessing.client.AdReport.Skill::name)
                .contains("Java", "Apache Kafka");
        assertThat(read.keywordCoverage().niceToHaveSkills()).isNotEmpty();
        assertThat(read.keywordCoverage().requiredSkills().getFirst().importance())
                .isEqualTo(io.openhire.jobprocessing.client.AdReport.Importance.REQUIRED);
        assertThat(read.keywordCoverage().minYearsExperience()).isEqualTo(5);
        assertThat(read.rewrite()).isNotEmpty();
        assertThat(read.jsonLd().jobLocation()).hasSize(1);
        assertThat(read.jsonLd().baseSalary().value().maxValue()).isEqualByComparingTo("90000.50");
        assertThat(read.jsonLd().identifier().value()).isEqualTo("11111111-1111-4111-8111-111111111111");
        assertThat(read.jsonLdProblems()).isEmpty();
        assertThat(read.createdAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void theJsonLdOfARemoteJobSaysWhereApplicantsMayLive() {
        AdReport review = REVIEWER.review(job(
                        "REMOTE",
                        List.of(
                                new JobIngested.Location(null, null, "DE", "Germany"),
                                new JobIngested.Location(null, null, "NL", "Netherlands"))))
                .report();

        io.openhire.jobprocessing.client.AdReport read = sameBothWays(review);

        assertThat(read.jsonLd().jobLocationType()).isEqualTo("TELECOMMUTE");
        assertThat(read.jsonLd().applicantLocationRequirements())
                .extracting(io.openhire.jobprocessing.client.JobPosting.Country::name)
                .containsExactly("DE", "NL");
        assertThat(read.jsonLd().jobLocation()).isNull();
        assertThat(read.jsonLdProblems()).isEmpty();
    }

    /** Schema.org's names as Google reads them, with the properties the job has no value for left out. */
    @Test
    void theJsonLdIsSchemaOrgJobPostingAsGoogleReadsIt() {
        AdReport review = REVIEWER.review(
                        job("HYBRID", List.of(new JobIngested.Location("Berlin", null, "DE", "Berlin, Germany"))))
                .report();

        JsonNode ld = JSON.valueToTree(review).get("jsonLd");

        assertThat(ld.propertyNames())
                .containsExactly(
                        "@context",
                        "@type",
                        "title",
                        "description",
                        "datePosted",
                        "validThrough",
                        "employmentType",
                        "hiringOrganization",
                        "identifier",
                        "jobLocation",
                        "baseSalary",
                        "url");
        assertThat(ld.get("@context").asString()).isEqualTo("https://schema.org/");
        assertThat(ld.get("@type").asString()).isEqualTo("JobPosting");
        assertThat(ld.get("datePosted").asString()).isEqualTo("2026-11-20");
        assertThat(ld.get("validThrough").asString()).isEqualTo("2026-12-31T00:00:00Z");
        assertThat(ld.get("hiringOrganization").toString())
                .isEqualTo("{\"@type\":\"Organization\",\"name\":\"Northwind GmbH\"}");
        assertThat(ld.get("jobLocation").toString())
                .isEqualTo("[{\"@type\":\"Place\",\"address\":{\"@type\":\"PostalAddress\","
                        + "\"addressLocality\":\"Berlin\",\"addressCountry\":\"DE\"}}]");
        assertThat(JSON.writeValueAsString(review.jsonLd().baseSalary()))
                .isEqualTo("{\"@type\":\"MonetaryAmount\",\"currency\":\"EUR\",\"value\":{\"@type\":"
                        + "\"QuantitativeValue\",\"minValue\":70000,\"maxValue\":90000.50,\"unitText\":\"YEAR\"}}");
    }

    /** Written as the API writes it, read strictly by the client, written again: the same JSON. */
    static io.openhire.jobprocessing.client.AdReport sameBothWays(AdReport review) {
        String written = JSON.writeValueAsString(review);
        io.openhire.jobprocessing.client.AdReport read =
                JSON.readValue(written, io.openhire.jobprocessing.client.AdReport.class);
        assertThat(JSON.readTree(JSON.writeValueAsString(read))).isEqualTo(JSON.readTree(written));
        return read;
    }
}
