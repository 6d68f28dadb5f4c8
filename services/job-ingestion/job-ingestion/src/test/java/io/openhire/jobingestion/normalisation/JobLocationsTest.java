package io.openhire.jobingestion.normalisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openhire.jobingestion.normalisation.JobLocations.JobLocation;
import io.openhire.jobingestion.normalisation.JobTitles.Workplace;
import io.openhire.jobingestion.upload.Csv;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobLocationsTest {

    @Test
    void readsCitiesRegionsCountriesAndRemoteWork() {
        assertThat(JobLocations.read("Albuquerque, NM"))
                .containsExactly(new JobLocation("Albuquerque", "New Mexico", "US", null, "Albuquerque, NM"));
        JobLocation hybrid = JobLocations.read("New York, NY (Hybrid)").getFirst();
        assertThat(hybrid.region()).isEqualTo("New York");
        assertThat(hybrid.workplace()).isEqualTo(Workplace.HYBRID);
        JobLocation remote = JobLocations.read("Remote - US").getFirst();
        assertThat(remote.country()).isEqualTo("US");
        assertThat(remote.workplace()).isEqualTo(Workplace.REMOTE);
        assertThat(JobLocations.read("Berlin, Germany; Munich, Germany"))
                .extracting(JobLocation::city)
                .containsExactly("Berlin", "Munich");
        assertThat(JobLocations.read("Anywhere").getFirst().workplace()).isEqualTo(Workplace.REMOTE);
        assertThat(JobLocations.read("-1")).isEmpty();
    }

    /** The Glassdoor locations ("City, ST") are all read (../shared/data; skipped without it). */
    @Test
    void everyGlassdoorLocationIsRead() throws Exception {
        Path csv = Path.of("../../../../shared/data/jobs/glassdoor/glassdoor_jobs.csv");
        assumeTrue(Files.isRegularFile(csv), "../shared/data/jobs/glassdoor is absent: not checked");
        List<List<String>> rows;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            rows = Csv.read(in);
        }
        int read = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            List<JobLocation> locations = JobLocations.read(row.get(6));
            if (!locations.isEmpty() && locations.getFirst().country() != null) {
                read++;
            }
        }
        System.out.println("Glassdoor locations read: " + read + " of " + (rows.size() - 1));
        assertThat(read).isGreaterThanOrEqualTo(940);
    }
}
