package io.openhire.applications.careers;

import io.openhire.applications.candidates.Candidates;
import io.openhire.applications.client.ApplicationSource;
import io.openhire.applications.client.ApplicationView;
import io.openhire.applications.client.CareerJob;
import io.openhire.applications.client.CareerPosting;
import io.openhire.applications.client.CareerSite;
import io.openhire.applications.client.PrivacyNotice;
import io.openhire.applications.jobs.Jobs;
import io.openhire.applications.pipeline.Pipeline;
import io.openhire.jobprocessing.client.JobProcessingApi;
import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.resumeingestion.client.ResumeIngestionApi;
import io.openhire.resumeingestion.client.UploadAccepted;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organisation's public career site: its open jobs, one job with its JobPosting JSON-LD and the privacy
 * notice an applicant consents to, and applying without an account. An application stores the resume through
 * resume-ingestion (its checks refuse hostile files), files the applicant as a person (what they typed is their
 * own correction of what the parser will read), records their consent to the notice's version, puts them in the
 * job's first stage and queues their confirmation email — all in one transaction after the upload.
 */
@Service
public class CareerSites {

    private static final Logger log = LoggerFactory.getLogger(CareerSites.class);

    /** Until an organisation writes its own. */
    static final String DEFAULT_NOTICE = """
            We process the data in your application (your name, contact details, resume and answers) to assess \
            your application for this job and to contact you about it. The legal basis is the steps you ask us to \
            take before a possible employment contract. We keep your application for up to 24 months after the \
            last contact, unless you ask us to delete it earlier. You can ask for a copy of your data, its \
            correction or its deletion, and withdraw your consent at any time, by replying to our emails.""";

    private final Jobs jobs;
    private final io.openhire.applications.jobs.JobQuestions questions;
    private final Candidates candidates;
    private final Pipeline pipeline;
    private final ResumeIngestionApi resumeIngestion;
    private final JobProcessingApi jobProcessing;
    private final ServiceAccount serviceAccount;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    CareerSites(
            Jobs jobs,
            io.openhire.applications.jobs.JobQuestions questions,
            Candidates candidates,
            Pipeline pipeline,
            ResumeIngestionApi resumeIngestion,
            JobProcessingApi jobProcessing,
            ServiceAccount serviceAccount,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            JsonMapper json,
            Clock clock) {
        this.jobs = jobs;
        this.questions = questions;
        this.candidates = candidates;
        this.pipeline = pipeline;
        this.resumeIngestion = resumeIngestion;
        this.jobProcessing = jobProcessing;
        this.serviceAccount = serviceAccount;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    public CareerSite site(UUID org, String q) {
        String words = q == null || q.isBlank() ? null : q.strip();
        if (words != null && (words.length() > 200 || words.chars().anyMatch(Character::isISOControl))) {
            throw DomainException.invalidField("q", "at most 200 characters on one line");
        }
        return new CareerSite(
                org,
                words,
                jobs.open(org, words, 200).stream().map(CareerSites::job).toList());
    }

    public CareerPosting posting(UUID org, UUID jobId) {
        Jobs.Posting posting = jobs.openPosting(org, jobId).orElseThrow(() -> DomainException.notFound("The job"));
        return new CareerPosting(
                job(posting), posting.description(), jsonLd(org, jobId), notice(org), questions.read(jobId));
    }

    /** job-processing's JobPosting for the job, asked as this service; null while it has none or is away. */
    private JsonNode jsonLd(UUID org, UUID jobId) {
        try {
            var review = serviceAccount.onBehalfOf(org, () -> jobProcessing.review(jobId));
            return review == null || review.jsonLd() == null ? null : json.valueToTree(review.jsonLd());
        } catch (RestClientException | DomainException away) {
            log.info(
                    "A career page is shown without its JSON-LD: job-processing answered {}",
                    away.getClass().getSimpleName());
            return null;
        }
    }

    /** The organisation's current notice, or OpenHire's default (version 0). */
    public PrivacyNotice notice(UUID org) {
        return jdbc.sql("""
                        SELECT version, text, created_at FROM privacy_notice WHERE organization_id = :org
                        ORDER BY version DESC LIMIT 1
                        """)
                .param("org", org)
                .query((rs, i) -> new PrivacyNotice(
                        rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional()
                .orElse(new PrivacyNotice(0, DEFAULT_NOTICE, null));
    }

    /** A new version of the notice: applicants from now on consent to it; earlier consents keep theirs. */
    public PrivacyNotice writeNotice(UUID org, String text, String actor) {
        String notice = text == null ? "" : text.strip();
        if (notice.length() < 20 || notice.length() > 20_000) {
            throw DomainException.invalidField("text", "20–20,000 characters");
        }
        int version = notice(org).version() + 1;
        jdbc.sql("""
                        INSERT INTO privacy_notice (organization_id, version, text, created_by, created_at)
                        VALUES (:org, :version, :text, :actor, :now)
                        """)
                .param("org", org)
                .param("version", version)
                .param("text", notice)
                .param("actor", actor)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return notice(org);
    }

    /** What an applicant sent. */
    public record Application(
            String name,
            String email,
            String phone,
            boolean consent,
            Integer noticeVersion,
            String website,
            byte[] resume,
            String fileName,
            String via,
            String ref,
            List<String> answers) {}

    /** A job board's name in a career link ({@code ?via=linkedin&ref=…}); its tracking token. */
    private static final java.util.regex.Pattern VIA = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private static final java.util.regex.Pattern REF = java.util.regex.Pattern.compile("[A-Za-z0-9_.~-]{1,100}");

    /**
     * Applies to an open job.
     *
     * @return empty when the honeypot caught a bot (nothing stored; it gets the same answer as a person)
     */
    public Optional<ApplicationView> apply(UUID org, UUID jobId, Application form) {
        Jobs.Posting posting = jobs.openPosting(org, jobId).orElseThrow(() -> DomainException.notFound("The job"));
        if (form.website() != null && !form.website().isBlank()) {
            log.info("An application to a career site filled the hidden field: taken for a bot, nothing stored");
            return Optional.empty();
        }
        // The same rules as a recruiter's correction: the applicant's words become the record's fields.
        String name = required("name", form.name());
        String email = required("email", form.email());
        String phone = form.phone() == null ? null : Candidates.valid("phone", form.phone());
        if (!form.consent()) {
            throw DomainException.invalidField("consent", "is needed: we cannot process an application without it");
        }
        PrivacyNotice notice = notice(org);
        if (form.noticeVersion() == null || form.noticeVersion() != notice.version()) {
            throw DomainException.conflict(
                    "notice-changed", "The privacy notice changed since the page was opened: read it again and send.");
        }
        String via =
                form.via() == null || form.via().isBlank() ? null : form.via().strip();
        String ref =
                form.ref() == null || form.ref().isBlank() ? null : form.ref().strip();
        if (via != null && !VIA.matcher(via).matches()) {
            throw DomainException.invalidField("via", "a job board's name: 1–40 letters, digits, - or _");
        }
        if (ref != null && !REF.matcher(ref).matches()) {
            throw DomainException.invalidField("ref", "a tracking token: 1–100 letters, digits, . _ ~ or -");
        }
        // Where the applicant came from: a job board's link (with its tracking token) or the career site itself.
        ApplicationSource source = via == null
                ? ApplicationSource.CAREER_SITE
                : "referral".equalsIgnoreCase(via) ? ApplicationSource.REFERRAL : ApplicationSource.JOB_BOARD;
        String sourceDetail = via == null ? null : ref == null ? via : via + ":" + ref;
        List<io.openhire.applications.client.Answer> answers = questions.answers(jobId, form.answers());
        if (form.resume() == null || form.resume().length == 0) {
            throw DomainException.invalidField("resume", "is required: a PDF, Word, RTF, ODT or text file");
        }
        // The file first, outside any transaction: resume-ingestion checks it (type, size, hostile content).
        String fileName = form.fileName() == null || form.fileName().isBlank() ? "resume" : form.fileName();
        UploadAccepted uploaded = serviceAccount.onBehalfOf(
                org,
                () -> resumeIngestion.upload(
                        new ByteArrayResource(form.resume()), fileName, "CAREER_SITE", email, jobId));
        Instant now = clock.instant();
        return Optional.of(transactions.execute(status -> {
            UUID candidateId = candidates.fileApplicant(org, uploaded.id(), name, email, phone);
            jdbc.sql("""
                            INSERT INTO consent (id, organization_id, candidate_id, purpose, legal_basis, notice_version,
                                notice_sha256, source, given_at)
                            VALUES (:id, :org, :candidate, 'APPLICATION_PROCESSING', 'CONSENT', :version, :sha, 'CAREER_SITE',
                                :now)
                            """)
                    .param("id", UUID.randomUUID())
                    .param("org", org)
                    .param("candidate", candidateId)
                    .param("version", notice.version())
                    .param("sha", Sha256.hex(notice.text()))
                    .param("now", Timestamp.from(now))
                    .update();
            ApplicationView application;
            try {
                application = pipeline.create(
                        org, candidateId, jobId, source, sourceDetail, uploaded.id(), answers, "candidate");
            } catch (DomainException e) {
                if (e.category() == DomainException.Category.CONFLICT) {
                    throw DomainException.conflict(
                            "already-applied", "You have applied for this job already: we have your application.");
                }
                throw e;
            }
            jdbc.sql("""
                            INSERT INTO applicant_confirmation (application_id, organization_id, to_address, job_title,
                                applicant_name, due_at)
                            VALUES (:application, :org, :to, :title, :name, :now)
                            """)
                    .param("application", application.id())
                    .param("org", org)
                    .param("to", email)
                    .param("title", posting.title())
                    .param("name", name)
                    .param("now", Timestamp.from(now))
                    .update();
            return application;
        }));
    }

    private static String required(String field, String value) {
        String v = value == null ? null : Candidates.valid(field, value);
        if (v == null) {
            throw DomainException.invalidField(field, "is required");
        }
        return v;
    }

    private static CareerJob job(Jobs.Posting p) {
        return new CareerJob(
                p.id(), p.title(), p.employer(), p.location(), p.workplace(), p.employmentType(), p.postedAt());
    }
}
