package io.openhire.training.jobs.web;

import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.training.client.StartTraining;
import io.openhire.training.client.TrainingJobView;
import io.openhire.training.jobs.TrainingJobs;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Training jobs: queue one, follow its progress, cancel it. Platform operators only: what a job registers
 * can become the model every organisation is served.
 */
@RestController
@RequestMapping("/api/v1/train")
@PreAuthorize("hasRole('PLATFORM_OPERATOR')")
class TrainingController {

    private final TrainingJobs jobs;
    private final ApplicationEventPublisher events;

    TrainingController(TrainingJobs jobs, ApplicationEventPublisher events) {
        this.jobs = jobs;
        this.events = events;
    }

    @PostMapping
    ResponseEntity<TrainingJobView> start(AuthenticatedUser user, @RequestBody StartTraining request) {
        TrainingJobView job = jobs.queue(user.organizationId(), user.actor(), request);
        events.publishEvent(new TrainingJobs.Queued(job.id()));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/train/jobs/" + job.id()))
                .body(job);
    }

    @GetMapping("/jobs")
    List<TrainingJobView> jobs() {
        return jobs.list();
    }

    @GetMapping("/jobs/{id}")
    TrainingJobView job(@PathVariable UUID id) {
        return jobs.get(id);
    }

    @PostMapping("/jobs/{id}/cancel")
    ResponseEntity<TrainingJobView> cancel(AuthenticatedUser user, @PathVariable UUID id) {
        return ResponseEntity.accepted().body(jobs.cancel(id, user.actor()));
    }
}
