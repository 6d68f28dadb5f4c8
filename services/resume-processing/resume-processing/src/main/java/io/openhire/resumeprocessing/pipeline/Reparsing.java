package io.openhire.resumeprocessing.pipeline;

import io.openhire.platform.errors.DomainException;
import io.openhire.platform.events.Outbox;
import io.openhire.resumeprocessing.models.ChampionResumeTagger;
import io.openhire.resumeprocessing.parsing.ResumeParser;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues re-parses on resume-processing's own topic: after a parser upgrade (an organisation's backlog, when an
 * admin asks), when a user asks for one resume, and by itself when another resume tagger is promoted.
 */
@Service
public class Reparsing {

    private static final Logger log = LoggerFactory.getLogger(Reparsing.class);

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

    /**
     * Another resume tagger reads resumes now (an operator promoted or rolled back one): every resume another
     * one read is parsed again with it, in every organisation, so profiles, matching and search follow the model.
     */
    @EventListener
    @Transactional
    public void taggerChanged(ChampionResumeTagger.Changed changed) {
        List<ProfileStore.Queued> claimed = store.claimForTagger(changed.version());
        claimed.forEach(q -> queue(q.organizationId(), q.resumeId()));
        log.info("Resume tagger version {}: {} resumes queued to be parsed again", changed.version(), claimed.size());
    }

    private void queue(UUID organizationId, UUID resumeId) {
        outbox.publish(
                ReparseRequested.TOPIC,
                resumeId.toString(),
                new ReparseRequested(resumeId, organizationId),
                organizationId);
    }
}
