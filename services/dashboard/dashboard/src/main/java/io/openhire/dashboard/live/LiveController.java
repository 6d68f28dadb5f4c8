package io.openhire.dashboard.live;

import io.openhire.platform.security.AuthenticatedUser;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /live}: the signed-in person's stream of changes in their organisation (server-sent events).
 * For staff only (see {@code SignInSecurity}): it names every resume and job of the organisation, and the
 * events carry no uploader that would let a candidate's or client's stream be narrowed to their own.
 */
@RestController
class LiveController {

    private final LiveUpdates live;

    LiveController(LiveUpdates live) {
        this.live = live;
    }

    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(AuthenticatedUser user) {
        return live.open(user.organizationId());
    }
}
