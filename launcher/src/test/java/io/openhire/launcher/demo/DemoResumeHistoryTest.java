package io.openhire.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.parsing.ResumeParser;
import io.openhire.skills.SkillsTaxonomy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The demo CVs' work histories read as a recruiter expects: each job's title and employer as the CV
 * writes them ("Senior Backend Engineer, ParcelPoint GmbH, Berlin" above its dates), not "Role at Senior
 * Backend Engineer, ParcelPoint GmbH".
 */
class DemoResumeHistoryTest {

    static final Pattern DATES = Pattern.compile("^[A-Z][a-z]+ \\d{4} - ");
    static final ResumeParser PARSER = new ResumeParser(
            SkillsTaxonomy.load(), "DE", Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));

    record Job(String title, String employer) {}

    /** What the CV says: the line above each date line is "Title, Employer, Place". */
    static List<Job> written(List<String> lines) {
        List<Job> jobs = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (DATES.matcher(lines.get(i)).find()) {
                String[] parts = lines.get(i - 1).split(", ");
                jobs.add(new Job(parts[0], parts[1]));
            }
        }
        return jobs;
    }

    @Test
    void everyDemoCvsJobsHaveTheirTitlesAndEmployers() {
        Map<String, List<String>> resumes = DemoData.resumes();
        assertThat(resumes).hasSize(12);
        int jobs = 0;
        for (Map.Entry<String, List<String>> resume : resumes.entrySet()) {
            CandidateProfile profile = PARSER.parse(String.join("\n", resume.getValue()));
            List<Job> expected = written(resume.getValue());
            jobs += expected.size();
            assertThat(profile.work())
                    .as(resume.getKey())
                    .extracting(w -> new Job(w.title(), w.employer()))
                    .containsExactlyElementsOf(expected);
            // what the CV names beyond its history is no skill it lists ("keeps the books in DATEV")
            List<String> skills = profile.skills().stream()
                    .map(s -> s.name().toLowerCase(java.util.Locale.ROOT))
                    .toList();
            assertThat(Stream.concat(profile.mentioned().employers().stream(), profile.mentioned().places().stream())
                            .map(m -> m.toLowerCase(java.util.Locale.ROOT)))
                    .as(resume.getKey())
                    .noneMatch(skills::contains);
        }
        assertThat(jobs).isEqualTo(21);
    }
}
