package io.openhire.notification.follows.web;

import io.openhire.notification.client.FollowedJob;
import io.openhire.notification.follows.JobFollows;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The jobs the signed-in person follows (staff): a new strong match for one of them is notified to them. */
@RestController
@RequestMapping("/api/v1/notifications/follows")
class FollowController {

    private static final String STAFF = "hasAnyRole('ADMIN', 'RECRUITER')";

    private final JobFollows follows;

    FollowController(JobFollows follows) {
        this.follows = follows;
    }

    @GetMapping
    @PreAuthorize(STAFF)
    List<FollowedJob> follows(AuthenticatedUser caller) {
        return follows.of(caller.organizationId(), person(caller));
    }

    @PutMapping("/{jobId}")
    @PreAuthorize(STAFF)
    FollowedJob follow(AuthenticatedUser caller, @PathVariable UUID jobId) {
        return follows.follow(caller.organizationId(), person(caller), jobId);
    }

    /** 204; 404 when the person did not follow it. */
    @DeleteMapping("/{jobId}")
    @PreAuthorize(STAFF)
    ResponseEntity<Void> unfollow(AuthenticatedUser caller, @PathVariable UUID jobId) {
        if (!follows.unfollow(caller.organizationId(), person(caller), jobId)) {
            throw ProblemException.notFound("The followed job");
        }
        return ResponseEntity.noContent().build();
    }

    private static UUID person(AuthenticatedUser caller) {
        if (caller.kind() != AuthenticatedUser.Kind.USER) {
            throw ProblemException.forbidden("Following a job is for people: sign in as one.");
        }
        return caller.userId();
    }
}
