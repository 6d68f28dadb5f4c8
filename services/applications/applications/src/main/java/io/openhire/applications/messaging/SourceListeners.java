package io.openhire.applications.messaging;

import io.openhire.applications.candidates.Candidates;
import io.openhire.applications.jobs.Jobs;
import io.openhire.jobingestion.events.JobIngested;
import io.openhire.platform.events.ProcessedEvents;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.resumeingestion.events.ResumeDeleted;
import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.client.ProfileView;
import io.openhire.resumeprocessing.client.ResumeProcessingApi;
import io.openhire.resumeprocessing.events.ResumeParsed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * What applications keeps from other services: each parsed resume filed under its person (the contact details
 * read from resume-processing as this service, for the organisation: they are not in the event), deleted
 * resumes, and the jobs that can be applied to. Each event is handled once.
 */
@Component
class SourceListeners {

    private final ProcessedEvents processed;
    private final Candidates candidates;
    private final Jobs jobs;
    private final ResumeProcessingApi resumeProcessing;
    private final ServiceAccount serviceAccount;

    SourceListeners(
            ProcessedEvents processed,
            Candidates candidates,
            Jobs jobs,
            ResumeProcessingApi resumeProcessing,
            ServiceAccount serviceAccount) {
        this.processed = processed;
        this.candidates = candidates;
        this.jobs = jobs;
        this.resumeProcessing = resumeProcessing;
        this.serviceAccount = serviceAccount;
    }

    @KafkaListener(topics = ResumeParsed.TOPIC, groupId = "applications")
    void resumeParsed(ConsumerRecord<String, String> record) {
        if (processed.handledBefore("applications-resume-parsed", record)) {
            return;
        }
        ResumeParsed event = processed.read(record, ResumeParsed.class);
        // Read before the transaction, without holding a database connection.
        ProfileView view;
        try {
            view = serviceAccount.onBehalfOf(event.organizationId(), () -> resumeProcessing.profile(event.resumeId()));
        } catch (HttpClientErrorException.NotFound e) {
            return; // deleted since: resume.deleted.v1 follows
        }
        if (view == null || !view.parsed() || view.profile() == null) {
            return;
        }
        Candidates.Parse parse = parse(event, view);
        processed.handleOnce("applications-resume-parsed", record, () -> candidates.fileParse(parse));
    }

    @KafkaListener(topics = ResumeDeleted.TOPIC, groupId = "applications")
    void resumeDeleted(ConsumerRecord<String, String> record) {
        processed.handleOnce(
                "applications-resume-deleted",
                record,
                ResumeDeleted.class,
                e -> candidates.forgetResume(e.organizationId(), e.resumeId()));
    }

    @KafkaListener(topics = JobIngested.TOPIC, groupId = "applications")
    void jobIngested(ConsumerRecord<String, String> record) {
        processed.handleOnce("applications-job-ingested", record, JobIngested.class, jobs::remember);
    }

    static Candidates.Parse parse(ResumeParsed event, ProfileView view) {
        CandidateProfile profile = view.profile();
        List<String> emails = text(profile.emails());
        List<String> phones = text(profile.phones());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", blankToNull(profile.name()));
        values.put("email", emails.isEmpty() ? null : emails.getFirst());
        values.put("phone", phones.isEmpty() ? null : phones.getFirst());
        values.put("location", location(profile.location()));
        values.put("headline", blankToNull(profile.headline()));
        values.put("currentTitle", blankToNull(event.currentTitle()));
        values.values().removeIf(java.util.Objects::isNull);
        List<String> skills = new ArrayList<>();
        if (profile.skills() != null) {
            profile.skills().stream()
                    .map(CandidateProfile.SkillMention::name)
                    .filter(s -> s != null && !s.isBlank())
                    .forEach(skills::add);
        }
        List<String> titles = event.titles() == null ? List.of() : text(event.titles());
        return new Candidates.Parse(
                event.resumeId(),
                event.organizationId(),
                Math.max(event.revision(), view.revision()),
                values,
                emails,
                skills,
                titles,
                event.occurredAt());
    }

    private static String location(CandidateProfile.Location location) {
        if (location == null) {
            return null;
        }
        String parts = Stream.of(location.city(), location.region(), location.country())
                .filter(p -> p != null && !p.isBlank())
                .collect(Collectors.joining(", "));
        return !parts.isEmpty() ? parts : blankToNull(location.text());
    }

    private static List<String> text(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
