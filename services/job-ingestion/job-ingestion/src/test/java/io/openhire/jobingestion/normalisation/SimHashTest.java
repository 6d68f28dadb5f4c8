package io.openhire.jobingestion.normalisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openhire.jobingestion.upload.Csv;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimHashTest {

    static final String POSTING = """
            Senior Backend Engineer at Northwind Logistics, Berlin. You will design event-driven order flows
            with Java, Kafka and PostgreSQL, run services on Kubernetes, and mentor two engineers. We offer
            30 days of holiday, a learning budget and flexible hours. Our team of forty people builds the
            platform that moves parcels for retailers across Europe; we value clear writing, small changes
            and owning what we ship. The role reports to the head of engineering and works closely with
            product and operations. Apply with your CV and a short note.
            """;

    @Test
    void aRepostWithSmallEditsIsANearDuplicate() {
        String repost = POSTING.replace("two engineers", "three engineers").replace("Apply with", "Send");
        assertThat(SimHash.distance(SimHash.of(POSTING), SimHash.of(POSTING))).isZero();
        assertThat(SimHash.candidates(SimHash.of(POSTING), SimHash.of(repost.toUpperCase())))
                .isTrue();
        assertThat(SimHash.nearDuplicates("Northwind Logistics", POSTING, "NORTHWIND LOGISTICS", repost))
                .isTrue();
        assertThat(SimHash.nearDuplicates("Northwind Logistics", POSTING, "Contoso", repost))
                .isFalse();
    }

    @Test
    void differentJobsAreFarApart() {
        String other = """
                Registered Nurse, night shifts, St. Mary's Hospital in Leeds. Care for patients on a busy surgical
                ward, administer medication, keep records and work with doctors. NMC registration required.
                """;
        assertThat(SimHash.distance(SimHash.of(POSTING), SimHash.of(other))).isGreaterThan(15);
    }

    /** Glassdoor's 956 scraped postings include reposts: identical descriptions must be found as such. */
    @Test
    void glassdoorRepostsAreFound() throws Exception {
        Path csv = Path.of("../../../../shared/data/jobs/glassdoor/glassdoor_jobs.csv");
        assumeTrue(Files.isRegularFile(csv), "../shared/data/jobs/glassdoor is absent: not checked");
        List<List<String>> rows;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            rows = Csv.read(in).subList(1, 957);
        }
        long[] prints = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            prints[i] = SimHash.of(rows.get(i).get(1) + " " + rows.get(i).get(5) + " "
                    + rows.get(i).get(3));
        }
        int identical = 0;
        int near = 0;
        int identicalFound = 0;
        int shown = 0;
        for (int i = 0; i < prints.length; i++) {
            for (int j = i + 1; j < prints.length; j++) {
                boolean same = rows.get(i).get(3).equals(rows.get(j).get(3))
                        && rows.get(i).get(1).equals(rows.get(j).get(1));
                boolean isNear = SimHash.candidates(prints[i], prints[j])
                        && SimHash.nearDuplicates(
                                rows.get(i).get(5).split("\n")[0],
                                rows.get(i).get(1) + " " + rows.get(i).get(3),
                                rows.get(j).get(5).split("\n")[0],
                                rows.get(j).get(1) + " " + rows.get(j).get(3));
                identical += same ? 1 : 0;
                near += isNear ? 1 : 0;
                identicalFound += same && isNear ? 1 : 0;
                if (isNear && !same && shown < 6) {
                    shown++;
                    System.out.println("near, not identical: " + rows.get(i).get(1) + " @ "
                            + rows.get(i).get(5).split("\n")[0]
                            + "  ~  " + rows.get(j).get(1) + " @ "
                            + rows.get(j).get(5).split("\n")[0] + "  ("
                            + SimHash.distance(prints[i], prints[j]) + " bits)");
                }
            }
        }
        System.out.printf(
                "Glassdoor: %d pairs with identical title and description, %d found; %d near-duplicate pairs in all%n",
                identical, identicalFound, near);
        assertThat(identical).isPositive();
        assertThat(identicalFound).isEqualTo(identical);
    }
}
