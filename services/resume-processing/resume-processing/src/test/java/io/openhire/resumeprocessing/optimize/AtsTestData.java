package io.openhire.resumeprocessing.optimize;

import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.skills.Skill;
import io.openhire.skills.SkillsTaxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A resume (its text and the profile parsed from it) and a job ad, written by the tests. {@link #aResume()}
 * is a backend engineer who has everything {@link #aJob()} asks for, in a layout an ATS reads well; each
 * test takes one thing away: {@code aResume().withoutEducation()}.
 */
final class AtsTestData {

    static final SkillsTaxonomy TAXONOMY = SkillsTaxonomy.load();

    private AtsTestData() {}

    static ResumeBuilder aResume() {
        return new ResumeBuilder();
    }

    static JobBuilder aJob() {
        return new JobBuilder();
    }

    static final class ResumeBuilder {

        private String headline = "Senior Backend Engineer";
        private List<String> emails = List.of("priya.raman@example.test");
        private List<String> phones = List.of("+49 30 901820");
        private String summary = "Backend engineer with eight years of experience building delivery planning and"
                + " payment platforms on the JVM for logistics companies in Germany and the United Kingdom. I like"
                + " small teams, careful reviews, boring releases and services that explain themselves when they"
                + " fail at night.";
        private boolean dated = true;
        private boolean educated = true;
        private List<String> listedSkills =
                List.of("Java", "Spring Boot", "PostgreSQL", "Kubernetes", "Apache Kafka", "Terraform");
        private List<String> bullets = List.of(
                "Moved 14 services of the delivery planner to Kubernetes, cutting deployment time by 60% for the"
                        + " whole engineering group.",
                "Designed the order flow of the logistics platform with Apache Kafka and PostgreSQL so that no"
                        + " order is lost when a warehouse system is down.",
                "Wrote the Terraform modules for three environments and taught the team to change them through"
                        + " reviewed pull requests.",
                "Built Java and Spring Boot APIs that handle 2,000 requests per second with a p99 under 80 ms.",
                "Mentored four engineers who joined from university, two of whom now lead their own teams.",
                "Introduced contract tests between the routing and the billing services, which removed a whole class"
                        + " of release night incidents.",
                "Replaced a nightly batch export with an event stream, so that shops see their delivery slots"
                        + " within seconds instead of the next morning.",
                "Ran the on-call rotation for a year and wrote the runbooks the support team still uses today.");

        ResumeBuilder withHeadline(String headline) {
            this.headline = headline;
            return this;
        }

        ResumeBuilder withoutContact() {
            this.emails = List.of();
            this.phones = List.of();
            return this;
        }

        /** Jobs without start or end dates. */
        ResumeBuilder withoutDates() {
            this.dated = false;
            return this;
        }

        ResumeBuilder withoutEducation() {
            this.educated = false;
            return this;
        }

        /** The skills named in a Skills section (they may still appear in the bullets). */
        ResumeBuilder withSkills(String... skills) {
            this.listedSkills = List.of(skills);
            return this;
        }

        ResumeBuilder withoutSkillsSection() {
            return withSkills();
        }

        /** What the resume says about each job, instead of the default achievements. */
        ResumeBuilder withBullets(String... bullets) {
            this.bullets = List.of(bullets);
            return this;
        }

        ResumeBuilder withSummary(String summary) {
            this.summary = summary;
            return this;
        }

        String text() {
            List<String> lines = new ArrayList<>();
            lines.add("Priya Raman");
            lines.add(headline);
            List<String> contacts = new ArrayList<>(List.of("Berlin, Germany"));
            contacts.addAll(emails);
            contacts.addAll(phones);
            lines.add(String.join(" | ", contacts));
            lines.add("SUMMARY");
            lines.add(summary);
            lines.add("EXPERIENCE");
            lines.add("Senior Backend Engineer");
            lines.add("Northwind Logistics GmbH - Berlin, Germany");
            if (dated) {
                lines.add("March 2020 to Present");
            }
            bullets.forEach(b -> lines.add("• " + b));
            if (educated) {
                lines.add("EDUCATION");
                lines.add("Bachelor of Science in Computer Science");
                lines.add("Technical University of Munich, 2016");
            }
            if (!listedSkills.isEmpty()) {
                lines.add("SKILLS");
                lines.add(String.join(", ", listedSkills));
            }
            return String.join("\n", lines);
        }

        /** What the parser would make of {@link #text()}. */
        CandidateProfile profile() {
            List<CandidateProfile.Work> work = List.of(new CandidateProfile.Work(
                    "Senior Backend Engineer",
                    "Northwind Logistics GmbH",
                    "Berlin, Germany",
                    dated ? "2020-03" : null,
                    null,
                    dated,
                    null));
            List<CandidateProfile.Education> education = educated
                    ? List.of(new CandidateProfile.Education(
                            "Bachelor of Science", "Computer Science", "Technical University of Munich", 2016))
                    : List.of();
            List<CandidateProfile.SkillMention> skills = listedSkills.stream()
                    .map(name -> TAXONOMY.lookup(name).orElseThrow(() -> new IllegalArgumentException(name)))
                    .map(skill -> mention(skill, true))
                    .toList();
            return new CandidateProfile(
                    "Priya Raman",
                    emails,
                    phones,
                    new CandidateProfile.Location("Berlin", null, "DE", "Berlin, Germany"),
                    new CandidateProfile.Links(null, null, List.of()),
                    headline,
                    summary,
                    work,
                    education,
                    skills,
                    List.of("English", "German"),
                    List.of(),
                    6.0,
                    Map.of(),
                    0.95,
                    "test-parser",
                    TAXONOMY.version(),
                    CandidateProfile.Mentions.NONE);
        }

        private static CandidateProfile.SkillMention mention(Skill skill, boolean listed) {
            return new CandidateProfile.SkillMention(
                    skill.id(), skill.name(), skill.kind().name(), 1, listed);
        }
    }

    static final class JobBuilder {

        private String title = "Backend Engineer";
        private List<String> intro = List.of(
                "Northwind plans the deliveries of 400 shops across Europe.",
                "You will build the services that plan delivery routes for our logistics network.");
        private List<String> required = List.of("Java", "Spring Boot", "PostgreSQL", "Kubernetes");
        private List<String> niceToHave = List.of("Terraform");

        JobBuilder titled(String title) {
            this.title = title;
            return this;
        }

        /** The opening lines, before the lists of skills. */
        JobBuilder withIntro(String... lines) {
            this.intro = List.of(lines);
            return this;
        }

        JobBuilder requiring(String... skills) {
            this.required = List.of(skills);
            return this;
        }

        JobBuilder niceToHave(String... skills) {
            this.niceToHave = List.of(skills);
            return this;
        }

        String title() {
            return title;
        }

        String text() {
            List<String> lines = new ArrayList<>(intro);
            if (!required.isEmpty()) {
                lines.add("Requirements:");
                required.forEach(s -> lines.add("- " + s));
            }
            if (!niceToHave.isEmpty()) {
                lines.add("Nice to have:");
                niceToHave.forEach(s -> lines.add("- " + s));
            }
            return String.join("\n", lines);
        }
    }
}
