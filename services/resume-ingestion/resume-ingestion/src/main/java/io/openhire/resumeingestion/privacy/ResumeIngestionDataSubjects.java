package io.openhire.resumeingestion.privacy;

import io.openhire.platform.http.ServiceAccount;
import io.openhire.privacy.client.DataSubject;
import io.openhire.privacy.client.DataSubjectHandler;
import io.openhire.privacy.client.SubjectAnswer;
import io.openhire.privacy.client.SubjectFile;
import io.openhire.privacy.client.SubjectSql;
import io.openhire.resumeingestion.intake.Resume;
import io.openhire.resumeingestion.intake.ResumeErasure;
import io.openhire.resumeingestion.intake.Resumes;
import io.openhire.storage.client.StorageApi;
import io.openhire.storage.client.StorageBuckets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;

/**
 * resume-ingestion's part of a data-subject request: the person's resumes, found by the email address they
 * were sent in for ({@code candidate_email}: given on upload, or the sender of a mailed resume). The resume
 * table holds no phone number, and the uploader ({@code uploaded_by}) is a token subject, not an address, so
 * the email is the only way to the person here. Resumes whose parsed profile names the person but that came
 * in without their address are found by resume-processing and matching on what they parsed.
 *
 * <p>Mailbox messages ({@code mailbox_message}) are not the person's records: they hold the mailbox, the
 * message's Message-ID and how many resumes it gave, not the sender; the sender's address is on the resume. They
 * stay, so that a message whose resume was erased is not taken in again.
 */
@Service
class ResumeIngestionDataSubjects implements DataSubjectHandler {

    private static final Logger log = LoggerFactory.getLogger(ResumeIngestionDataSubjects.class);

    private final Resumes resumes;
    private final ResumeErasure erasure;
    private final StorageApi storage;
    private final ServiceAccount serviceAccount;
    private final JdbcClient jdbc;

    ResumeIngestionDataSubjects(
            Resumes resumes,
            ResumeErasure erasure,
            StorageApi storage,
            ServiceAccount serviceAccount,
            JdbcClient jdbc) {
        this.resumes = resumes;
        this.erasure = erasure;
        this.storage = storage;
        this.serviceAccount = serviceAccount;
        this.jdbc = jdbc;
    }

    /** Each resume's metadata, and its original from storage (read as this service, for the organisation). */
    @Override
    public SubjectAnswer access(UUID organizationId, DataSubject subject) {
        List<Resume> found = resumesOf(organizationId, subject);
        List<Map<String, Object>> records = new ArrayList<>();
        List<SubjectFile> files = new ArrayList<>();
        for (Resume resume : found) {
            records.add(record(resume));
            try {
                byte[] original = serviceAccount.onBehalfOf(
                        organizationId, () -> storage.get(StorageBuckets.RESUMES, resume.objectKey()));
                files.add(new SubjectFile(fileName(resume), resume.mediaType(), original));
            } catch (HttpClientErrorException.NotFound gone) {
                // a deletion that stopped half-way took the original already: the metadata is all there is
                log.warn("The original of resume {} is not in storage", resume.id());
            }
        }
        log.info("Data-subject access in organisation {}: {} resumes", organizationId, found.size());
        return new SubjectAnswer(found.size(), found.size(), Map.of("resumes", records), files);
    }

    /**
     * Deletes each resume the way {@code DELETE /api/v1/resumes/{id}} does ({@link ResumeErasure}): the original
     * from storage, the row, and {@code resume.deleted.v1} through the outbox, on which resume-processing and
     * matching delete what they derived from it. In the caller's transaction (the row and the event commit
     * together); the originals go before the commit, and a repeat after a failure finds them gone and goes on.
     * The published copies of events about the resumes that the outbox keeps for a while (ADR 16) go too.
     */
    @Override
    public int erase(UUID organizationId, DataSubject subject) {
        List<Resume> found = resumesOf(organizationId, subject);
        found.forEach(erasure::erase);
        int events = SubjectSql.purgePublishedEventsNaming(
                jdbc, organizationId, found.stream().map(Resume::id).toList());
        log.info(
                "Data-subject erasure in organisation {}: {} resumes erased, {} published events purged",
                organizationId,
                found.size(),
                events);
        return found.size();
    }

    @Override
    public int count(UUID organizationId, DataSubject subject) {
        return resumesOf(organizationId, subject).size();
    }

    /** By email only, never by name; {@link DataSubject#hasEmail} has the last word on what the query found. */
    private List<Resume> resumesOf(UUID organizationId, DataSubject subject) {
        return resumes.findByCandidateEmails(organizationId, subject.emails()).stream()
                .filter(r -> subject.hasEmail(r.candidateEmail()))
                .toList();
    }

    /** What resume-ingestion keeps of a resume, as the person may read it (not who of the staff uploaded it). */
    private static Map<String, Object> record(Resume r) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", r.id().toString());
        record.put("candidateEmail", r.candidateEmail());
        record.put("source", r.source());
        record.put("fileName", r.fileName());
        record.put("mediaType", r.mediaType());
        record.put("sizeBytes", r.sizeBytes());
        record.put("sha256", r.sha256());
        record.put("jobId", r.jobId() == null ? null : r.jobId().toString());
        record.put("status", r.status().name());
        record.put("statusReason", r.statusReason());
        record.put("receivedAt", r.receivedAt().toString());
        record.put("statusChangedAt", r.statusChangedAt().toString());
        return record;
    }

    /** Unique within the answer (two resumes may share a file name): the resume id first. */
    private static String fileName(Resume r) {
        return r.id() + "-" + (r.fileName() == null ? "resume" : r.fileName());
    }
}
