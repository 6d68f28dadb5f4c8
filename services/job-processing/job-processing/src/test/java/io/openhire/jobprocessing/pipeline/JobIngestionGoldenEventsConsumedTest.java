package io.openhire.jobprocessing.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.openhire.jobingestion.events.JobIngested;
import io.openhire.jobprocessing.analysis.JobAnalyser;
import io.openhire.jobprocessing.analysis.SkillExtractor;
import io.openhire.jobprocessing.events.JobOptimized;
import io.openhire.jobprocessing.models.ChampionSkillTagger;
import io.openhire.jobprocessing.report.AdReviewer;
import io.openhire.platform.events.Outbox;
import io.openhire.platform.events.ProcessedEvents;
import io.openhire.platform.test.GoldenEvents;
import io.openhire.skills.SkillsTaxonomy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * job-ingestion's golden {@code job.ingested.v1} ({@code job-ingestion-events} test-jar), fed to this
 * service's listener as Kafka delivers it and reviewed by the real reviewer: a change of job-ingestion's
 * event that would lose the job's text, place or pay on the way to {@code job.optimized.v1} fails this test.
 */
class JobIngestionGoldenEventsConsumedTest {

    private static final UUID JOB = UUID.fromString("0b6c2a4e-5d1f-4c1a-9f0e-3a2b1c4d5e6f");
    private static final UUID ORG = UUID.fromString("6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:05Z"), ZoneOffset.UTC);

    @Test
    void anIngestedJobIsReviewedAndAnnouncedWithItsPlaceAndPay() {
        JobReports reports = mock(JobReports.class);
        when(reports.saveJob(any(), any())).thenReturn(true);
        Outbox outbox = mock(Outbox.class);
        JobOptimisation optimisation = new JobOptimisation(
                new AdReviewer(new JobAnalyser(new SkillExtractor(SkillsTaxonomy.load())), CLOCK),
                mock(ChampionSkillTagger.class), // the shipped tagger: no registry version
                reports,
                outbox,
                CLOCK);

        new JobListener(firstDelivery(), optimisation, reports).ingested(GoldenEvents.record(JobIngested.TOPIC));

        ArgumentCaptor<Object> published = ArgumentCaptor.forClass(Object.class);
        verify(outbox).publish(eq(JobOptimized.TOPIC), eq(JOB.toString()), published.capture(), eq(ORG));
        JobOptimized optimized = (JobOptimized) published.getValue();
        assertThat(optimized.organizationId()).isEqualTo(ORG);
        assertThat(optimized.jobRevision()).isEqualTo(1);
        assertThat(optimized.status()).isEqualTo("OPEN");
        assertThat(optimized.title()).isEqualTo("Product Engineer");
        assertThat(optimized.employer()).isEqualTo("Vault-Tec");
        assertThat(optimized.workplace()).isEqualTo("HYBRID");
        assertThat(optimized.locations())
                .containsExactly(new JobOptimized.Location("San Francisco", "California", "US"));
        assertThat(optimized.salary())
                .isEqualTo(new JobOptimized.AnnualSalary(new BigDecimal("50000"), new BigDecimal("75000"), "USD"));
        // the description was read: its skills were found
        assertThat(Stream.concat(optimized.requiredSkills().stream(), optimized.niceToHaveSkills().stream())
                        .map(JobOptimized.JobSkill::name))
                .contains("Java");
    }

    /** Every event is new: handlers run at once (what the database adds is ProcessedEvents' own test). */
    private static ProcessedEvents firstDelivery() {
        return new ProcessedEvents(null, null, GoldenEvents.JSON) {
            @Override
            public boolean handleOnce(String consumer, ConsumerRecord<String, String> record, Runnable handler) {
                handler.run();
                return true;
            }
        };
    }
}
