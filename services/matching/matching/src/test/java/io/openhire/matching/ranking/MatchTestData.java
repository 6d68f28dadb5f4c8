package io.openhire.matching.ranking;

import io.openhire.matching.profiles.CandidateFacts;
import io.openhire.matching.profiles.JobFacts;
import io.openhire.matching.profiles.Place;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Jobs and candidates as matching knows them, built for a test: {@code aJob().titled("Backend Engineer")
 * .requiring("Java", "Apache Kafka").in(BERLIN)}, {@code aCandidate().titled("Backend Engineer")
 * .skilled("Java").livingIn(BERLIN).saying("Built order flows with Apache Kafka")}. A skill named here is a
 * taxonomy skill whose id is its lower-cased name; {@link JobBuilder#requiringPhrase} names one the taxonomy
 * does not know (found in the resume's text, not by id).
 */
final class MatchTestData {

    static final Place BERLIN = new Place("Berlin", "Berlin", "DE");
    static final Place MUNICH = new Place("Munich", "Bavaria", "DE");
    static final Place POTSDAM = new Place("Potsdam", "Berlin", "DE");
    static final Place LONDON = new Place("London", null, "GB");

    private MatchTestData() {}

    static JobBuilder aJob() {
        return new JobBuilder();
    }

    static CandidateBuilder aCandidate() {
        return new CandidateBuilder();
    }

    static String skillId(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static final class JobBuilder {
        private final UUID id = UUID.randomUUID();
        private String status = "OPEN";
        private UUID canonicalJobId;
        private String title = "Backend Engineer";
        private String seniority;
        private Integer minYears;
        private final List<JobFacts.Skill> required = new ArrayList<>();
        private final List<JobFacts.Skill> niceToHave = new ArrayList<>();
        private final List<String> keywords = new ArrayList<>();
        private String workplace = "ON_SITE";
        private final List<Place> locations = new ArrayList<>();
        private JobFacts.Salary salary;

        JobBuilder titled(String title) {
            this.title = title;
            return this;
        }

        /** Taxonomy skills, by name. */
        JobBuilder requiring(String... skills) {
            Arrays.stream(skills).forEach(s -> required.add(new JobFacts.Skill(skillId(s), s)));
            return this;
        }

        /** A skill the taxonomy does not know: the ad's phrase, looked for in the resume's text. */
        JobBuilder requiringPhrase(String phrase) {
            required.add(new JobFacts.Skill(null, phrase));
            return this;
        }

        JobBuilder niceToHave(String... skills) {
            Arrays.stream(skills).forEach(s -> niceToHave.add(new JobFacts.Skill(skillId(s), s)));
            return this;
        }

        JobBuilder about(String... words) {
            keywords.addAll(List.of(words));
            return this;
        }

        /** {@code SENIOR}, {@code MID}, … */
        JobBuilder seniority(String seniority) {
            this.seniority = seniority;
            return this;
        }

        JobBuilder askingYears(int years) {
            this.minYears = years;
            return this;
        }

        JobBuilder in(Place place) {
            locations.add(place);
            return this;
        }

        JobBuilder remote() {
            workplace = "REMOTE";
            return this;
        }

        JobBuilder hybrid() {
            workplace = "HYBRID";
            return this;
        }

        JobBuilder paying(int min, int max) {
            salary = new JobFacts.Salary(BigDecimal.valueOf(min), BigDecimal.valueOf(max), "EUR");
            return this;
        }

        JobBuilder closed() {
            status = "CLOSED";
            return this;
        }

        JobBuilder duplicating(UUID canonical) {
            canonicalJobId = canonical;
            return this;
        }

        JobFacts build() {
            return new JobFacts(
                    id,
                    1,
                    status,
                    canonicalJobId,
                    title,
                    "Initech",
                    seniority,
                    minYears,
                    required,
                    niceToHave,
                    keywords,
                    workplace,
                    locations,
                    salary);
        }

        /** The posting's text, as job-ingestion would have it. */
        String text() {
            StringBuilder text = new StringBuilder(title == null ? "" : title).append('\n');
            required.forEach(s -> text.append("Required: ").append(s.name()).append('\n'));
            niceToHave.forEach(
                    s -> text.append("Nice to have: ").append(s.name()).append('\n'));
            keywords.forEach(k -> text.append(k).append('\n'));
            return text.toString();
        }
    }

    static final class CandidateBuilder {
        private final UUID resumeId = UUID.randomUUID();
        private UUID candidateId = UUID.randomUUID();
        private String currentTitle;
        private final List<String> titles = new ArrayList<>();
        private final List<CandidateFacts.Skill> skills = new ArrayList<>();
        private Double years;
        private Place location;
        private final List<String> lines = new ArrayList<>();
        private float[] vector;

        /** The current title first, earlier ones after. */
        CandidateBuilder titled(String current, String... earlier) {
            currentTitle = current;
            titles.add(current);
            titles.addAll(List.of(earlier));
            return this;
        }

        /** Taxonomy skills, by name, listed in a skills section. */
        CandidateBuilder skilled(String... names) {
            Arrays.stream(names).forEach(n -> skills.add(new CandidateFacts.Skill(skillId(n), n, 1, true)));
            return this;
        }

        CandidateBuilder years(double years) {
            this.years = years;
            return this;
        }

        CandidateBuilder livingIn(Place place) {
            location = place;
            return this;
        }

        /** Lines of the resume's text (identity already removed, as matching stores it). */
        CandidateBuilder saying(String... textLines) {
            lines.addAll(List.of(textLines));
            return this;
        }

        /** Another resume of the same person (same email address). */
        CandidateBuilder sameCandidateAs(CandidateBuilder other) {
            candidateId = other.candidateId;
            return this;
        }

        /** Its text-embedding vector (normalised here). */
        CandidateBuilder embeddedAs(float... vector) {
            this.vector = unit(vector);
            return this;
        }

        UUID resumeId() {
            return resumeId;
        }

        UUID candidateId() {
            return candidateId;
        }

        float[] vector() {
            return vector;
        }

        String text() {
            return String.join("\n", lines);
        }

        CandidateFacts build() {
            return new CandidateFacts(
                    resumeId,
                    candidateId,
                    1,
                    null,
                    currentTitle,
                    titles,
                    skills,
                    years,
                    location,
                    null,
                    List.of(),
                    evidence(),
                    Instant.parse("2026-11-20T10:00:00Z"));
        }

        /** Per skill id, the lines that name the skill (what the import finds with the taxonomy). */
        private Map<String, List<String>> evidence() {
            Map<String, List<String>> evidence = new LinkedHashMap<>();
            for (CandidateFacts.Skill skill : skills) {
                for (String line : lines) {
                    if (MatchFeatures.containsPhrase(line.toLowerCase(Locale.ROOT), skill.id())) {
                        evidence.computeIfAbsent(skill.id(), id -> new ArrayList<>())
                                .add(line);
                    }
                }
            }
            return evidence;
        }
    }

    static float[] unit(float... vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / Math.sqrt(norm));
        }
        return unit;
    }
}
