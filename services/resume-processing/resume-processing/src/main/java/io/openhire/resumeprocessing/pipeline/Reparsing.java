package io.openhire.resumeprocessing.pipeline;

import io.openhire.platform.errors.DomainException;
import io.openhire.platform.events.Outbox;
import io.openhire.resumeprocessing.parsing.ResumeParser;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Queues re-parses (after a parser upgrade, or when a user asks) on resume-processing's own topic. */
@Service
public class Reparsing {

    private final ProfileStore store;
    private final Outbox outbox;

    Reparsing(ProfileStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    public String parserVersion() {
        return ResumeParser.VERSION;
    }

    @Transactional
    public void one(UUID organizationId, UUID resumeId) {
        if (store.document(organizationId, resumeId).isEmpty()) {
            throw DomainException.notFound("The resume");
        }
        queue(organizationId, resumeId);
    }

    @Transactional
    public int backlog(UUID organizationId, boolean all) {
        List<UUID> ids = store.outdated(organizationId, ResumeParser.VERSION, all);
        ids.forEach(id -> queue(organizationId, id));
        return ids.size();
    }

    private void queue(UUID organizationId, UUID resumeId) {
        outbox.publish(
                ReparseRequested.TOPIC,
                resumeId.toString(),
                new ReparseRequested(resumeId, organizationId),
                organizationId);
    }
}
