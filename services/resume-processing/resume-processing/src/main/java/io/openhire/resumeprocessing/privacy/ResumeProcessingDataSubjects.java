package io.openhire.resumeprocessing.privacy;

import io.openhire.platform.http.ServiceAccount;
import io.openhire.privacy.client.DataSubject;
import io.openhire.privacy.client.DataSubjectHandler;
import io.openhire.privacy.client.SubjectAnswer;
import io.openhire.privacy.client.SubjectFile;
import io.openhire.privacy.client.SubjectSql;
import io.openhire.resumeingestion.client.ResumeIngestionApi;
import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.optimize.Optimizer;
import io.openhire.resumeprocessing.pipeline.ProfileStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.json.JsonMapper;

/**
 * resume-processing's part of a data-subject request: the resumes whose parsed profile is the person's, by its
 * first email address or first phone number. Only the first of each: the parser collects every address and number
 * in a resume, and those further down may be a referee's, whose resume this is not. A record is one resume: its
 * profile, extracted text and ATS reports (the document row holds only where the original is).
 *
 * <p>This finds resumes that resume-ingestion cannot (sent in without the person's address, or for another of
 * their addresses); it erases what this service derived, as on {@code resume.deleted.v1}. The original and
 * resume-ingestion's row are resume-ingestion's to delete: its delete endpoint is not open to services, so a
 * resume found only here keeps its original there (see the README).
 */
@Service
class ResumeProcessingDataSubjects implements DataSubjectHandler {

    private static final Logger log = LoggerFactory.getLogger(ResumeProcessingDataSubjects.class);

    private final JdbcClient jdbc;
    private final ProfileStore profiles;
    private final Optimizer optimizer;
    private final JsonMapper json;
    private final Clock clock;
    private final ResumeIngestionApi ingestion;
    private final ServiceAccount account;

    ResumeProcessingDataSubjects(
            JdbcClient jdbc,
            ProfileStore profiles,
            Optimizer optimizer,
            JsonMapper json,
            Clock clock,
            ResumeIngestionApi ingestion,
            ServiceAccount account) {
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.optimizer = optimizer;
        this.json = json;
        this.clock = clock;
        this.ingestion = ingestion;
        this.account = account;
    }

    /** Per resume: its parse (profile as the parser wrote it), the text read from the original, its ATS reports. */
    @Override
    public SubjectAnswer access(UUID organizationId, DataSubject subject) {
        List<UUID> found = resumesOf(organizationId, subject);
        List<Map<String, Object>> resumes = new ArrayList<>();
        for (UUID resumeId : found) {
            profiles.profile(organizationId, resumeId).ifPresent(p -> {
                Map<String, Object> resume = new LinkedHashMap<>();
                resume.put("resumeId", resumeId.toString());
                resume.put("status", p.status());
                resume.put("revision", p.revision());
                resume.put("parserVersion", p.parserVersion());
                resume.put("parsedAt", p.parsedAt().toString());
                resume.put("profile", json.readValue(p.profileJson(), CandidateProfile.class));
                resume.put("text", p.text());
                resume.put("atsReports", optimizer.all(organizationId, resumeId));
                resumes.add(resume);
            });
        }
        log.info("Data-subject access in organisation {}: {} resumes", organizationId, resumes.size());
        return new SubjectAnswer(
                resumes.size(), resumes.size(), Map.of("resumes", resumes), originals(organizationId, found));
    }

    /**
     * The resumes as the person sent them, from resume-ingestion: it finds a person's resumes only by the address
     * given on upload, these were found by their parse. (The export keeps one copy of a file both send.)
     */
    private List<SubjectFile> originals(UUID organizationId, List<UUID> resumeIds) {
        List<SubjectFile> files = new ArrayList<>();
        for (UUID resumeId : resumeIds) {
            try {
                ResponseEntity<byte[]> original =
                        account.onBehalfOf(organizationId, () -> ingestion.original(resumeId));
                if (original.getBody() != null) {
                    String name = original.getHeaders().getContentDisposition().getFilename();
                    MediaType type = original.getHeaders().getContentType();
                    files.add(new SubjectFile(
                            name == null ? "resume-" + resumeId : name,
                            type == null ? "application/octet-stream" : type.toString(),
                            original.getBody()));
                }
            } catch (HttpClientErrorException.NotFound gone) {
                // deleted at the source since it was parsed
            }
        }
        return files;
    }

    /**
     * Deletes each resume's document row, profile, text and ATS reports and keeps its id in
     * {@code deleted_resume}, exactly as on {@code resume.deleted.v1}, so that a late event or re-parse does not
     * bring it back. Nothing to announce: resume.deleted.v1 is resume-ingestion's, and matching answers the
     * request itself. The published copies of the resumes' events that the outbox keeps for a while (ADR 16: a
     * resume.parsed.v1 carries titles, skills and place) go too.
     */
    @Override
    public int erase(UUID organizationId, DataSubject subject) {
        List<UUID> found = resumesOf(organizationId, subject);
        for (UUID resumeId : found) {
            profiles.erase(organizationId, resumeId, clock.instant());
            // The original and the resume's row are resume-ingestion's: it finds a person's resumes only by the
            // address given on upload, so the resumes found here by their parse are deleted there too (the same
            // deletion a recruiter makes: the original, the row, resume.deleted.v1).
            try {
                account.onBehalfOf(organizationId, () -> ingestion.delete(resumeId));
            } catch (HttpClientErrorException.NotFound alreadyGone) {
                // deleted there before (by its own answer to the request, or a recruiter)
            }
        }
        int events = SubjectSql.purgePublishedEventsNaming(jdbc, organizationId, found);
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

    /**
     * The resumes whose parsed profile has one of the person's addresses first, or one of their numbers first;
     * by email and phone, never by name. {@link DataSubject} has the last word on what the query found.
     */
    private List<UUID> resumesOf(UUID organizationId, DataSubject subject) {
        return jdbc
                .sql("""
                        SELECT resume_id, profile->'emails'->>0 AS email, profile->'phones'->>0 AS phone
                        FROM resume_profile
                        WHERE organization_id = :org AND profile IS NOT NULL
                          AND (lower(btrim(profile->'emails'->>0)) IN (:emails) OR %s)
                        ORDER BY parsed_at, resume_id
                        """.formatted(SubjectSql.phone("profile->'phones'->>0")))
                .param("org", organizationId)
                .param("emails", SubjectSql.emails(subject))
                .param("phoneTails", SubjectSql.phoneTails(subject))
                .query((rs, n) ->
                        new Owner(rs.getObject("resume_id", UUID.class), rs.getString("email"), rs.getString("phone")))
                .list()
                .stream()
                .filter(o -> subject.hasEmail(o.email()) || subject.hasPhone(o.phone()))
                .map(Owner::resumeId)
                .toList();
    }

    /** Whose a resume is: its first address and number as the parser read them. */
    private record Owner(UUID resumeId, String email, String phone) {}
}
