package io.openhire.resumeprocessing.optimize.web;

import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import io.openhire.resumeprocessing.client.AtsReport;
import io.openhire.resumeprocessing.optimize.Optimizer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** ATS-style reports: how a resume reads against a job, and what to change. */
@RestController
@RequestMapping("/api/v1/resumes")
@PreAuthorize("hasAnyRole('ADMIN', 'RECRUITER')")
class OptimizeController {

    private final Optimizer optimizer;

    OptimizeController(Optimizer optimizer) {
        this.optimizer = optimizer;
    }

    record OptimizeRequest(
            @NotNull UUID resumeId,
            UUID jobId,
            @Size(min = 30, max = 50_000) String jobText,
            @Size(max = 200) String jobTitle) {}

    @PostMapping("/optimize")
    AtsReport optimize(AuthenticatedUser caller, @Valid @RequestBody OptimizeRequest request) {
        if (request.jobText() == null || request.jobText().isBlank()) {
            if (request.jobId() != null) {
                throw new ProblemException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "job-lookup-unavailable",
                        "Job lookup unavailable",
                        "Looking a job up by id needs the job services, which this installation does not have yet."
                                + " Send the job's text as jobText (and its id as jobId, to keep the link).");
            }
            throw ProblemException.invalidField("jobText", "is required (the job description to score against)");
        }
        return optimizer.optimize(
                caller.organizationId(), request.resumeId(), request.jobId(), request.jobText(), request.jobTitle());
    }

    @GetMapping("/optimized")
    AtsReport latest(AuthenticatedUser caller, @RequestParam UUID resumeId) {
        return optimizer
                .latest(caller.organizationId(), resumeId)
                .orElseThrow(() -> ProblemException.notFound("An ATS report for this resume"));
    }
}
