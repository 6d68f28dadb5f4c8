package io.openhire.matching;

import io.openhire.jobingestion.events.JobIngested;
import io.openhire.jobprocessing.events.JobOptimized;
import io.openhire.skills.SkillsTaxonomy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Resumes and jobs the tests write themselves, with known answers. */
final class MatchingTestData {

    private static final SkillsTaxonomy TAXONOMY = SkillsTaxonomy.load();

    private MatchingTestData() {}

    /** A senior backend engineer in Berlin: the best fit for {@link #backendJob}. */
    static List<String> priya() {
        return List.of(
                "Priya Raman",
                "Senior Backend Engineer",
                "Berlin, Germany | priya.raman@example.test | +49 30 901820 | linkedin.com/in/priya-raman",
                "SUMMARY",
                "Backend engineer with 8 years of experience building payment and logistics platforms on the JVM.",
                "EXPERIENCE",
                "Senior Backend Engineer",
                "Northwind Logistics GmbH - Berlin, Germany",
                "March 2018 to Present",
                "• Designed event-driven order flows with Apache Kafka and PostgreSQL.",
                "• Led the move of 14 services to Kubernetes, cutting deployment time by 60%.",
                "Software Engineer",
                "Contoso Payments Ltd - London, United Kingdom",
                "June 2014 to February 2018",
                "• Built Java and Spring Boot APIs handling 2,000 requests per second.",
                "EDUCATION",
                "Bachelor of Science in Computer Science, Technical University of Munich, 2014",
                "SKILLS",
                "Java, Kotlin, Spring Boot, Kubernetes, Docker, PostgreSQL, Kafka, AWS, Terraform");
    }

    /** A junior frontend developer: some overlap (software), few of the backend skills. */
    static List<String> tom() {
        return List.of(
                "Tom Becker",
                "Junior Frontend Developer",
                "London, United Kingdom | tom.becker@example.test | +44 20 7946 0958",
                "EXPERIENCE",
                "Junior Frontend Developer",
                "Fabrikam Studio - London, United Kingdom",
                "September 2023 to Present",
                "• Built React and TypeScript components for a design system.",
                "• Wrote end-to-end tests with Cypress.",
                "EDUCATION",
                "Bachelor of Arts in Design, University of the Arts London, 2023",
                "SKILLS",
                "JavaScript, TypeScript, React, CSS, HTML, Figma");
    }

    /** A registered nurse: nothing in common with the backend job; the fit for {@link #nurseJob}. */
    static List<String> maria() {
        return List.of(
                "Maria Gonzalez",
                "Registered Nurse",
                "Austin, Texas | maria.gonzalez@example.test | (512) 555-0147",
                "EXPERIENCE",
                "Registered Nurse",
                "St. David's Medical Center - Austin, Texas",
                "January 2016 to Present",
                "• Provided patient care for up to six patients per shift on a surgical ward.",
                "• Administered medication and monitored vital signs.",
                "EDUCATION",
                "Bachelor of Science in Nursing, University of Texas at Austin, 2015",
                "SKILLS",
                "Patient care, Medication administration, Electronic health records, CPR");
    }

    /** A second, older resume of Priya (same email): the same candidate. */
    static List<String> priyaOlder() {
        return List.of(
                "Priya Raman",
                "Software Engineer",
                "London, United Kingdom | priya.raman@example.test",
                "EXPERIENCE",
                "Software Engineer",
                "Contoso Payments Ltd - London, United Kingdom",
                "June 2014 to February 2018",
                "• Built Java and Spring Boot APIs.",
                "SKILLS",
                "Java, Spring Boot, MySQL");
    }

    static JobIngested.Location berlin() {
        return new JobIngested.Location("Berlin", "Berlin", "DE", "Berlin, Germany");
    }

    static JobIngested backendPosting(UUID id, UUID org, int revision, String status) {
        return new JobIngested(
                id,
                org,
                revision,
                status,
                null,
                "Senior Backend Engineer",
                "Initech",
                """
                We are looking for a Senior Backend Engineer to build our payment platform.
                You will design event-driven services in Java with Spring Boot, Apache Kafka and PostgreSQL.
                Requirements: 5+ years of backend development with Java, Spring Boot, Kafka and PostgreSQL.
                Nice to have: Kubernetes and Terraform.
                """,
                List.of(berlin()),
                "HYBRID",
                "FULL_TIME",
                "SENIOR",
                null,
                Instant.now(),
                null,
                "https://jobs.example.test/backend",
                "PUSH",
                null,
                Instant.now());
    }

    static JobOptimized backendJob(UUID id, UUID org, int revision, String status) {
        return backendJob(id, org, revision, status, "Senior Backend Engineer", Instant.now());
    }

    /** The backend job's analysis under another title, analysed at {@code analysedAt}. */
    static JobOptimized backendJob(UUID id, UUID org, int revision, String status, String title, Instant analysedAt) {
        return new JobOptimized(
                id,
                org,
                revision,
                status,
                null,
                title,
                "Initech",
                "SENIOR",
                5,
                List.of(skill("Java"), skill("Spring Boot"), skill("Kafka"), skill("PostgreSQL")),
                List.of(skill("Kubernetes"), skill("Terraform")),
                List.of("payment platform", "event-driven services"),
                "HYBRID",
                List.of(new JobOptimized.Location("Berlin", "Berlin", "DE")),
                new JobOptimized.AnnualSalary(new BigDecimal("85000"), new BigDecimal("105000"), "EUR"),
                80,
                TAXONOMY.version(),
                analysedAt);
    }

    static JobOptimized nurseJob(UUID id, UUID org) {
        return new JobOptimized(
                id,
                org,
                1,
                "OPEN",
                null,
                "Registered Nurse",
                "Austin General",
                "MID",
                2,
                List.of(
                        new JobOptimized.JobSkill(null, "patient care"),
                        new JobOptimized.JobSkill(null, "medication administration")),
                List.of(),
                List.of("surgical ward"),
                "ON_SITE",
                List.of(new JobOptimized.Location("Austin", "Texas", "US")),
                null,
                70,
                TAXONOMY.version(),
                Instant.now());
    }

    /** A taxonomy skill by name, as job-processing would have extracted it. */
    static JobOptimized.JobSkill skill(String name) {
        return TAXONOMY.lookup(name)
                .map(s -> new JobOptimized.JobSkill(s.id(), s.name()))
                .orElseThrow(() -> new IllegalStateException(name + " is not in the taxonomy"));
    }
}
