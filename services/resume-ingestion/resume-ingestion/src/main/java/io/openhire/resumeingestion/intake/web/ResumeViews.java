package io.openhire.resumeingestion.intake.web;

import io.openhire.resumeingestion.client.ResumeStatus;
import io.openhire.resumeingestion.client.ResumeView;
import io.openhire.resumeingestion.intake.Resume;
import io.openhire.resumeprocessing.client.ProfileView;

/**
 * Resumes as the API shows them: resume-ingestion-client's records (what other services read), made from the
 * stored resume. The switch has no default: a status added here and not in the client fails to compile.
 */
final class ResumeViews {

    private ResumeViews() {}

    /** @param profile resume-processing's answer as it is, once the resume is parsed; null otherwise */
    static ResumeView view(Resume r, ProfileView profile) {
        return new ResumeView(
                r.id(),
                status(r.status()),
                r.statusReason(),
                r.source(),
                r.fileName(),
                r.mediaType(),
                r.sizeBytes(),
                r.sha256(),
                r.candidateEmail(),
                r.jobId(),
                r.receivedAt(),
                r.statusChangedAt(),
                profile);
    }

    static ResumeStatus status(Resume.Status status) {
        return switch (status) {
            case RECEIVED -> ResumeStatus.RECEIVED;
            case PARSED -> ResumeStatus.PARSED;
            case FAILED -> ResumeStatus.FAILED;
            case NEEDS_OCR -> ResumeStatus.NEEDS_OCR;
        };
    }
}
