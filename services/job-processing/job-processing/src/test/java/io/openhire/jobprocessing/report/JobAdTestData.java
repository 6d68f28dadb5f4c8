package io.openhire.jobprocessing.report;

import io.openhire.jobingestion.events.JobIngested;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Job ads the tests write themselves. {@link #anAd()} is a complete, plainly worded ad (summary,
 * responsibilities, requirements, nice-to-haves, benefits, a salary and a place); each test changes
 * only what it is about: {@code anAd().withoutSalary().build()}.
 */
final class JobAdTestData {

    private JobAdTestData() {}

    static Builder anAd() {
        return new Builder();
    }

    static final class Builder {

        private String title = "Backend Engineer";
        private List<String> summary = List.of(
                "Northwind plans the deliveries of 400 shops. As a backend engineer you design and run the services"
                        + " behind it, with a team of six.");
        private List<String> responsibilities = List.of(
                "Design and build backend services in Java",
                "Run them on Kubernetes together with the platform team",
                "Review code and share what you learn");
        private List<String> requirements = List.of(
                "3+ years of experience as a backend engineer",
                "Java and Spring Boot",
                "PostgreSQL",
                "Apache Kafka",
                "Docker");
        private List<String> niceToHave = List.of("Terraform");
        private List<String> benefits = List.of("30 days of paid holiday", "A yearly learning budget");
        private String body;
        private JobIngested.Salary salary =
                new JobIngested.Salary(new BigDecimal("70000"), new BigDecimal("90000"), "EUR", "YEAR", false);
        private List<JobIngested.Location> locations =
                List.of(new JobIngested.Location("Berlin", null, "DE", "Berlin, Germany"));
        private String workplace = "HYBRID";
        private String seniority;

        Builder titled(String title) {
            this.title = title;
            return this;
        }

        /** The opening paragraphs, before any heading. */
        Builder withSummary(String... paragraphs) {
            this.summary = List.of(paragraphs);
            return this;
        }

        Builder withResponsibilities(String... bullets) {
            this.responsibilities = List.of(bullets);
            return this;
        }

        Builder withoutResponsibilities() {
            return withResponsibilities();
        }

        Builder withRequirements(String... bullets) {
            this.requirements = List.of(bullets);
            return this;
        }

        Builder withoutRequirements() {
            return withRequirements();
        }

        Builder withNiceToHave(String... bullets) {
            this.niceToHave = List.of(bullets);
            return this;
        }

        Builder withBenefits(String... bullets) {
            this.benefits = List.of(bullets);
            return this;
        }

        Builder withoutBenefits() {
            return withBenefits();
        }

        /** The whole description as written, instead of the sections above. */
        Builder withBody(String description) {
            this.body = description;
            return this;
        }

        Builder withSalary(String min, String max, String currency, String period) {
            this.salary = new JobIngested.Salary(
                    min == null ? null : new BigDecimal(min),
                    max == null ? null : new BigDecimal(max),
                    currency,
                    period,
                    false);
            return this;
        }

        Builder withoutSalary() {
            this.salary = null;
            return this;
        }

        Builder locatedIn(String city, String country, String text) {
            this.locations = List.of(new JobIngested.Location(city, null, country, text));
            return this;
        }

        /** No place stated, and not remote either (workplace unknown). */
        Builder withoutLocation() {
            this.locations = List.of();
            this.workplace = null;
            return this;
        }

        /** Remote, with no place stated. */
        Builder remote() {
            this.locations = List.of();
            this.workplace = "REMOTE";
            return this;
        }

        Builder withSeniority(String seniority) {
            this.seniority = seniority;
            return this;
        }

        String description() {
            if (body != null) {
                return body;
            }
            List<String> lines = new ArrayList<>(summary);
            section(lines, "What you'll do", responsibilities);
            section(lines, "Requirements", requirements);
            section(lines, "Nice to have", niceToHave);
            section(lines, "Benefits", benefits);
            return String.join("\n", lines);
        }

        private static void section(List<String> lines, String heading, List<String> bullets) {
            if (bullets.isEmpty()) {
                return;
            }
            lines.add("");
            lines.add(heading);
            bullets.forEach(b -> lines.add("- " + b));
        }

        JobIngested build() {
            UUID jobId = UUID.randomUUID();
            Instant now = Instant.parse("2026-03-02T09:00:00Z");
            return new JobIngested(
                    jobId,
                    UUID.randomUUID(),
                    1,
                    "OPEN",
                    null,
                    title,
                    "Northwind Logistics",
                    description(),
                    locations,
                    workplace,
                    "FULL_TIME",
                    seniority,
                    salary,
                    now,
                    null,
                    "https://jobs.example.test/" + jobId,
                    "PUSH",
                    null,
                    now);
        }
    }
}
