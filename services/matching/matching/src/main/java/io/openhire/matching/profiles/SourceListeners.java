package io.openhire.matching.profiles;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openhire.jobingestion.events.JobIngested;
import io.openhire.jobprocessing.events.JobOptimized;
import io.openhire.platform.events.ProcessedEvents;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.resumeingestion.events.ResumeDeleted;
import io.openhire.resumeprocessing.events.ResumeParsed;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events matching indexes, each handled once: the row and the processed-event row commit together,
 * the Kafka offset only after; then the index follows ({@link SourceChanged}). Events map to matching's
 * own types here, at the edge.
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
    private final JsonMapper json;
    private final Clock clock;

    SourceListeners(
            ProcessedEvents processed,
            CandidateStore candidates,
            JobStore jobs,
            CandidateImport candidateImport,
            ResumeProcessingApi resumeProcessing,
            ServiceAccount serviceAccount,
            ApplicationEventPublisher events,
            JsonMapper json,
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
        this.json = json;
        this.clock = clock;
    }

    private final Timer eventLag;

    @KafkaListener(topics = ResumeParsed.TOPIC)
    void resumeParsed(ConsumerRecord<String, String> record) {
        ResumeParsed event = json.readValue(record.value(), ResumeParsed.class);
        if (event.occurredAt() != null) {
            eventLag.record(java.time.Duration.between(event.occurredAt(), clock.instant()));
        }
        if (candidates.storedRevision(event.resumeId()) >= event.revision()) {
            return; // an older parse, a repeat, or a deleted resume
        }
        // The profile's text and contacts are not in the event: read them as this service, for the organisation.
        JsonNode view;
        try {
            view = serviceAccount.onBehalfOf(
                    event.organizationId(),
                    () -> resumeProcessing.profileWithText(event.resumeId().toString()));
        } catch (HttpClientErrorException.NotFound e) {
            return; // deleted since: resume.deleted.v1 follows
        }
        if (view == null || !"PARSED".equals(view.path("status").asString(""))) {
            return;
        }
        CandidateImport.Imported imported = candidateImport.fromProfile(event, view);
        boolean ran = processed.handleOnce("index-resume-parsed", record, () -> {
            if (candidates.storedRevision(event.resumeId()) < imported.facts().revision()) {
                candidates.save(
                        event.organizationId(),
                        imported.facts(),
                        imported.searchText(),
                        imported.identity(),
                        clock.instant());
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
        ResumeDeleted event = json.readValue(record.value(), ResumeDeleted.class);
        processed.handleOnce(
                "index-resume-deleted",
                record,
                () -> candidates.delete(event.organizationId(), event.resumeId(), clock.instant()));
        events.publishEvent(new SourceChanged(event.organizationId(), SourceChanged.Kind.RESUME, event.resumeId()));
    }

    @KafkaListener(topics = JobOptimized.TOPIC)
    void jobOptimized(ConsumerRecord<String, String> record) {
        JobOptimized event = json.readValue(record.value(), JobOptimized.class);
        JobFacts facts = new JobFacts(
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
        boolean[] changed = {false};
        processed.handleOnce(
                "index-job-optimized",
                record,
                () -> changed[0] = jobs.saveAnalysis(event.organizationId(), facts, clock.instant()));
        if (changed[0]) {
            events.publishEvent(new SourceChanged(event.organizationId(), SourceChanged.Kind.JOB, event.jobId()));
        }
    }

    @KafkaListener(topics = JobIngested.TOPIC)
    void jobIngested(ConsumerRecord<String, String> record) {
        JobIngested event = json.readValue(record.value(), JobIngested.class);
        boolean[] changed = {false};
        processed.handleOnce(
                "index-job-ingested",
                record,
                () -> changed[0] = jobs.saveText(
                        event.organizationId(), event.jobId(), event.revision(), event.description(), clock.instant()));
        if (changed[0]) {
            events.publishEvent(new SourceChanged(event.organizationId(), SourceChanged.Kind.JOB, event.jobId()));
        }
    }

    private static List<JobFacts.Skill> skills(List<JobOptimized.JobSkill> skills) {
        return skills == null
                ? List.of()
                : skills.stream().map(s -> new JobFacts.Skill(s.id(), s.name())).toList();
    }
}
