package io.openhire.matching.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openhire.jobingestion.events.JobIngested;
import io.openhire.jobprocessing.events.JobOptimized;
import io.openhire.platform.events.ProcessedEvents;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.test.GoldenEvents;
import io.openhire.resumeingestion.events.ResumeDeleted;
import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.client.ProfileView;
import io.openhire.resumeprocessing.client.ResumeProcessingApi;
import io.openhire.resumeprocessing.events.ResumeParsed;
import io.openhire.skills.SkillsTaxonomy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The golden samples of the services matching indexes (resume-processing, resume-ingestion, job-processing,
 * job-ingestion: their {@code -events} test-jars), fed to the listeners as Kafka delivers them: a change of
 * their events that would index a candidate or a job wrongly fails this test.
 */
class SourceListenersGoldenEventsConsumedTest {

    private static final UUID ORG = UUID.fromString("6f1c1b9e-2f0a-4a57-9a53-7f1f3f3c2a10");
    private static final UUID RESUME = UUID.fromString("3d1f6a52-8c1e-4d7a-9b1e-2f4a6c8e0b13");
    private static final UUID JOB = UUID.fromString("0b6c2a4e-5d1f-4c1a-9f0e-3a2b1c4d5e6f");
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    private final CandidateStore candidates = mock(CandidateStore.class);
    private final JobStore jobs = mock(JobStore.class);
    private final ResumeProcessingApi resumeProcessing = mock(ResumeProcessingApi.class);
    private final ServiceAccount serviceAccount = mock(ServiceAccount.class);
    private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    private final SourceListeners listeners = new SourceListeners(
            firstDelivery(),
            candidates,
            jobs,
            new CandidateImport(SkillsTaxonomy.load()),
            resumeProcessing,
            serviceAccount,
            events,
            Clock.fixed(NOW, ZoneOffset.UTC),
            new SimpleMeterRegistry());

    @Test
    @SuppressWarnings("unchecked")
    void aParsedResumeIsIndexedWithTheEventsFacts() {
        when(serviceAccount.onBehalfOf(eq(ORG), any(Supplier.class)))
                .thenAnswer(call -> call.getArgument(1, Supplier.class).get());
        when(resumeProcessing.profileWithText(RESUME)).thenReturn(parsedProfile());

        listeners.resumeParsed(GoldenEvents.record(ResumeParsed.TOPIC));

        ArgumentCaptor<CandidateFacts> saved = ArgumentCaptor.forClass(CandidateFacts.class);
        verify(candidates).save(eq(ORG), saved.capture(), any(), any(), eq(NOW));
        CandidateFacts facts = saved.getValue();
        assertThat(facts.resumeId()).isEqualTo(RESUME);
        assertThat(facts.revision()).isEqualTo(1);
        assertThat(facts.currentTitle()).isEqualTo("Senior Software Engineer");
        assertThat(facts.titles()).containsExactly("Senior Software Engineer", "Software Engineer");
        assertThat(facts.years()).isEqualTo(7.5);
        assertThat(facts.location()).isEqualTo(new Place("Bengaluru", "Karnataka", "IN"));
        assertThat(facts.highestDegree()).isEqualTo("Bachelor of Engineering");
        assertThat(facts.languages()).containsExactly("English", "Hindi");
        assertThat(facts.parsedAt()).isEqualTo(Instant.parse("2026-11-21T10:15:31Z"));
        verify(events)
                .publishEvent(new SourceChanged(
                        ORG, SourceChanged.Kind.RESUME, RESUME, Instant.parse("2026-11-21T10:15:31Z")));
    }

    @Test
    void aDeletedResumeLeavesTheIndex() {
        listeners.resumeDeleted(GoldenEvents.record(ResumeDeleted.TOPIC));

        verify(candidates).delete(ORG, RESUME, NOW);
        verify(events).publishEvent(new SourceChanged(ORG, SourceChanged.Kind.RESUME, RESUME));
    }

    @Test
    void anAnalysedJobIsIndexedWithItsSkillsPlaceAndPay() {
        when(jobs.saveAnalysis(eq(ORG), any(), any(), eq(NOW))).thenReturn(true);

        listeners.jobOptimized(GoldenEvents.record(JobOptimized.TOPIC));

        ArgumentCaptor<JobFacts> saved = ArgumentCaptor.forClass(JobFacts.class);
        verify(jobs).saveAnalysis(eq(ORG), saved.capture(), eq(Instant.parse("2026-11-22T08:00:00Z")), eq(NOW));
        assertThat(saved.getValue())
                .isEqualTo(new JobFacts(
                        JOB,
                        2,
                        "OPEN",
                        null,
                        "Senior Data Engineer",
                        "Initech",
                        "SENIOR",
                        5,
                        List.of(
                                new JobFacts.Skill("onet:kafka", "Apache Kafka"),
                                new JobFacts.Skill(null, "distributed systems")),
                        List.of(new JobFacts.Skill("onet:terraform", "Terraform")),
                        List.of("data pipelines", "streaming"),
                        "HYBRID",
                        List.of(new Place("Austin", "Texas", "US")),
                        new JobFacts.Salary(new BigDecimal("120000"), new BigDecimal("140000"), "USD")));
        verify(events).publishEvent(new SourceChanged(ORG, SourceChanged.Kind.JOB, JOB));
    }

    @Test
    void anIngestedJobsTextIsIndexed() {
        when(jobs.saveText(ORG, JOB, 1, "Build the product.\n- Java\n- PostgreSQL", NOW))
                .thenReturn(true);

        listeners.jobIngested(GoldenEvents.record(JobIngested.TOPIC));

        verify(jobs).saveText(ORG, JOB, 1, "Build the product.\n- Java\n- PostgreSQL", NOW);
        verify(events).publishEvent(new SourceChanged(ORG, SourceChanged.Kind.JOB, JOB));
    }

    /** resume-processing's answer for the golden resume (its own contract is resume-processing-client's). */
    private static ProfileView parsedProfile() {
        CandidateProfile profile = new CandidateProfile(
                "Asha Rao",
                List.of("asha@example.com"),
                List.of("+91 80 1234 5678"),
                new CandidateProfile.Location("Bengaluru", "Karnataka", "IN", "Bengaluru, India"),
                new CandidateProfile.Links(null, null, List.of()),
                "Backend engineer",
                null,
                List.of(),
                List.of(),
                List.of(new CandidateProfile.SkillMention("java", "Java", "TECHNOLOGY", 3, true)),
                List.of("English", "Hindi"),
                List.of(),
                7.5,
                Map.of(),
                0.9,
                "1.0.0",
                "1",
                CandidateProfile.Mentions.NONE);
        return new ProfileView(
                RESUME,
                ProfileView.PARSED,
                null,
                1,
                "1.0.0",
                "1",
                120,
                Instant.parse("2026-11-21T10:15:31Z"),
                profile,
                "Asha Rao\nJava, Kubernetes");
    }

    /** Every event is new: handlers run at once (what the database adds is ProcessedEvents' own test). */
    private static ProcessedEvents firstDelivery() {
        return new ProcessedEvents(null, null, GoldenEvents.JSON) {
            @Override
            public boolean handleOnce(String consumer, ConsumerRecord<String, String> record, Runnable handler) {
                handler.run();
                return true;
            }

            @Override
            public <E, R> Optional<R> applyOnce(
                    String consumer,
                    ConsumerRecord<String, String> record,
                    Class<E> type,
                    Function<? super E, ? extends R> handler) {
                return Optional.ofNullable(handler.apply(read(record, type)));
            }
        };
    }
}
