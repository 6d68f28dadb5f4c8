package io.openhire.jobingestion.normalisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openhire.jobingestion.normalisation.JobTitles.EmploymentType;
import io.openhire.jobingestion.normalisation.JobTitles.Seniority;
import io.openhire.jobingestion.normalisation.JobTitles.Workplace;
import io.openhire.jobingestion.upload.Csv;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobTitlesTest {

    @Test
    void cleansTitlesAndKeepsWhatTheNoiseMeant() {
        JobTitles.Title t = JobTitles.read("Sr. Java Developer (m/w/d) - Remote");
        assertThat(t.clean()).isEqualTo("Senior Java Developer");
        assertThat(t.seniority()).isEqualTo(Seniority.SENIOR);
        assertThat(t.workplace()).isEqualTo(Workplace.REMOTE);

        JobTitles.Title contract = JobTitles.read("Data Engineer 5 - Contract");
        assertThat(contract.clean()).isEqualTo("Data Engineer 5");
        assertThat(contract.employmentType()).isEqualTo(EmploymentType.CONTRACTOR);
        assertThat(contract.seniority()).isEqualTo(Seniority.SENIOR);

        assertThat(JobTitles.read("URGENT!! Registered Nurse - Req #A12345").clean())
                .isEqualTo("Registered Nurse");
        assertThat(JobTitles.read("Marketing Intern (Summer 2027)").employmentType())
                .isEqualTo(EmploymentType.INTERN);
        assertThat(JobTitles.read("Product Designer | Hybrid, 3 days in office").workplace())
                .isEqualTo(Workplace.HYBRID);
        assertThat(JobTitles.read("Customer Success Manager, part-time").employmentType())
                .isEqualTo(EmploymentType.PART_TIME);
    }

    @Test
    void readsTheLevelFromTheTitle() {
        assertThat(JobTitles.seniority("Chief Data Officer")).isEqualTo(Seniority.EXECUTIVE);
        assertThat(JobTitles.seniority("Director, Data Science")).isEqualTo(Seniority.DIRECTOR);
        assertThat(JobTitles.seniority("Staff Machine Learning Scientist, AI Foundation"))
                .isEqualTo(Seniority.LEAD);
        assertThat(JobTitles.seniority("Senior BI Data Engineer III")).isEqualTo(Seniority.SENIOR);
        assertThat(JobTitles.seniority("Engineering Manager")).isEqualTo(Seniority.MANAGER);
        assertThat(JobTitles.seniority("Junior Accountant")).isEqualTo(Seniority.ENTRY);
        assertThat(JobTitles.seniority("Scientist 2, QC Viral Vector")).isNull(); // the level is not at the end
        assertThat(JobTitles.seniority("Software Engineer II")).isEqualTo(Seniority.MID);
        assertThat(JobTitles.seniority("Data Scientist")).isNull();
    }

    /** The 956 Glassdoor titles (../shared/data; skipped without it): every one cleans to something. */
    @Test
    void everyGlassdoorTitleIsRead() throws Exception {
        Path csv = Path.of("../../../../shared/data/jobs/glassdoor/glassdoor_jobs.csv");
        assumeTrue(Files.isRegularFile(csv), "../shared/data/jobs/glassdoor is absent: not checked");
        List<List<String>> rows;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            rows = Csv.read(in);
        }
        Map<Seniority, Integer> levels = new EnumMap<>(Seniority.class);
        int unlevelled = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            JobTitles.Title title = JobTitles.read(row.get(1));
            assertThat(title.clean()).as(row.get(1)).isNotBlank();
            if (title.seniority() == null) {
                unlevelled++;
            } else {
                levels.merge(title.seniority(), 1, Integer::sum);
            }
        }
        System.out.println("Glassdoor titles by level: " + levels + ", no level stated: " + unlevelled);
        assertThat(levels.get(Seniority.SENIOR)).isGreaterThan(100);
    }
}
