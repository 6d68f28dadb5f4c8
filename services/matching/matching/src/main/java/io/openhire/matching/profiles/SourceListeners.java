package io.openhire.matching.profiles;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openhire.jobingestion.events.JobIngested;
import io.openhire.jobprocessing.events.JobOptimized;
import io.openhire.platform.events.ProcessedEvents;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.resumeingestion.events.ResumeDeleted;
import io.openhire.resumeprocessing.client.ProfileView;
import io.openhire.resumeprocessing.client.ResumeProcessingApi;
import io.openhire.resumeprocessing.events.ResumeParsed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The events matching indexes, each handled once ({@link ProcessedEvents}): the row and the processed-event
 * row commit together, the Kafka offset only after; then, if a row changed, the index follows
 * ({@link SourceChanged}). A repeat changes nothing and announces nothing: should the process end between
 * the commit and the announcement, the index is rebuilt from the tables at the next start anyway. Events map
 * to matching's own types here, at the edge.
 */
@Component
class SourceListeners {

    private final ProcessedEvents processed;
    private final CandidateStore candidates;
    private final JobStore jobs;
    private final CandidateImport candidateImport;
    private final ResumeProcessingApi resumeProcessing;
    private final ServiceAccount serviceAccount;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Timer eventLag;

    SourceListeners(
            ProcessedEvents processed,
            CandidateStore candidates,
            JobStore jobs,
            CandidateImport candidateImport,
            ResumeProcessingApi resumeProcessing,
            ServiceAccount serviceAccount,
            ApplicationEventPublisher events,
            Clock clock,
            MeterRegistry meters) {
        this.eventLag = Timer.builder("openhire.matching.event.lag")
                .description("From a resume's parse to its resume.parsed.v1 reaching matching (outbox, Kafka, queue)")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.processed = processed;
        this.candidates = candidates;
        this.jobs = jobs;
        this.candidateImport = candidateImport;
        this.resumeProcessing = resumeProcessing;
        this.serviceAccount = serviceAccount;
        this.events = events;
        this.clock = clock;
    }

    @KafkaListener(topics = ResumeParsed.TOPIC)
    void resumeParsed(ConsumerRecord<String, String> record) {
        // Read before the transaction: the profile is fetched from resume-processing without holding a connection.
        ResumeParsed event = processed.read(record, ResumeParsed.class);
        if (event.occurredAt() != null) {
            eventLag.record(Duration.between(event.occurredAt(), clock.instant()));
        }
        if (candidates.storedRevision(event.resumeId()) >= event.revision()) {
            return; // an older parse, a repeat, or a deleted resume
        }
        // The profile's text and contacts are not in the event: read them as this service, for the organisation.
        ProfileView view;
        try {
            view = serviceAccount.onBehalfOf(
                    event.organizationId(), () -> resumeProcessing.profileWithText(event.resumeId()));
        } catch (HttpClientErrorException.NotFound e) {
            return; // deleted since: resume.deleted.v1 follows
        }
        if (view == null || !view.parsed()) {
            return;
        }
        CandidateImport.Imported imported = candidateImport.fromProfile(event, view);
        boolean ran = processed.handleOnce("index-resume-parsed", record, () -> {
            int stored = candidates.storedRevision(event.resumeId());
            if (stored < imported.facts().revision()) {
                Instant now = clock.instant();
                candidates.save(
                        event.organizationId(), imported.facts(), imported.searchText(), imported.identity(), now);
                if (stored < 0) { // a new resume (a re-parse announces nothing again)
                    candidates.awaitStrongMatches(event.organizationId(), event.resumeId(), now);
                }
            }
        });
        if (ran) {
            // With the parse's time, for the index-lag metric (parse → searchable).
            events.publishEvent(new SourceChanged(
                    event.organizationId(), SourceChanged.Kind.RESUME, event.resumeId(), event.occurredAt()));
        }
    }

    @KafkaListener(topics = ResumeDeleted.TOPIC)
    void resumeDeleted(ConsumerRecord<String, String> record) {
        processed
                .applyOnce("index-resume-deleted", record, ResumeDeleted.class, event -> {
                    candidates.delete(event.organizationId(), event.resumeId(), clock.instant());
                    return new SourceChanged(event.organizationId(), SourceChanged.Kind.RESUME, event.resumeId());
                })
                .ifPresent(events::publishEvent);
    }

    @KafkaListener(topics = JobOptimized.TOPIC)
    void jobOptimized(ConsumerRecord<String, String> record) {
        processed
                .applyOnce("index-job-optimized", record, JobOptimized.class, event -> {
                    boolean changed = jobs.saveAnalysis(
                            event.organizationId(), facts(event), event.occurredAt(), clock.instant());
                    return changed
                            ? new SourceChanged(event.organizationId(), SourceChanged.Kind.JOB, event.jobId())
                            : null;
                })
                .ifPresent(events::publishEvent);
    }

    @KafkaListener(topics = JobIngested.TOPIC)
    void jobIngested(ConsumerRecord<String, String> record) {
        processed
                .applyOnce("index-job-ingested", record, JobIngested.class, event -> {
                    boolean changed = jobs.saveText(
                            event.organizationId(),
                            event.jobId(),
                            event.revision(),
                            event.description(),
                            clock.instant());
                    return changed
                            ? new SourceChanged(event.organizationId(), SourceChanged.Kind.JOB, event.jobId())
                            : null;
                })
                .ifPresent(events::publishEvent);
    }

    /** The event in matching's own terms. */
    private static JobFacts facts(JobOptimized event) {
        return new JobFacts(
                event.jobId(),
                event.jobRevision(),
                event.status(),
                event.canonicalJobId(),
                event.title(),
                event.employer(),
                event.seniority(),
                event.minYearsExperience(),
                skills(event.requiredSkills()),
                skills(event.niceToHaveSkills()),
                event.keywords(),
                event.workplace(),
                event.locations() == null
                        ? List.of()
                        : event.locations().stream()
                                .map(l -> new Place(l.city(), l.region(), l.country()))
                                .toList(),
                event.salary() == null
                        ? null
                        : new JobFacts.Salary(
                                event.salary().min(),
                                event.salary().max(),
                                event.salary().currency()));
    }

    private static List<JobFacts.Skill> skills(List<JobOptimized.JobSkill> skills) {
        return skills == null
                ? List.of()
                : skills.stream().map(s -> new JobFacts.Skill(s.id(), s.name())).toList();
    }
}
