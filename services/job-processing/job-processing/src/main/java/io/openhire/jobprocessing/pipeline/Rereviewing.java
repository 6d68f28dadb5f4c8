package io.openhire.jobprocessing.pipeline;

import io.openhire.jobprocessing.models.ChampionSkillTagger;
import io.openhire.platform.events.Outbox;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When another skill tagger is promoted (or rolled back to), every job another one read is reviewed again with
 * it, in every organisation, so the skills jobs require — and the shortlists matching ranks on them — follow the
 * model without anyone editing a job.
 */
@Service
class Rereviewing {

    private static final Logger log = LoggerFactory.getLogger(Rereviewing.class);

    private final JobReports reports;
    private final Outbox outbox;

    Rereviewing(JobReports reports, Outbox outbox) {
        this.reports = reports;
        this.outbox = outbox;
    }

    @EventListener
    @Transactional
    public void taggerChanged(ChampionSkillTagger.Changed changed) {
        List<JobReports.Queued> claimed = reports.claimForTagger(changed.version());
        claimed.forEach(q -> outbox.publish(
                ReviewRequested.TOPIC,
                q.jobId().toString(),
                new ReviewRequested(q.jobId(), q.organizationId()),
                q.organizationId()));
        log.info("Skill tagger version {}: {} jobs queued to be reviewed again", changed.version(), claimed.size());
    }
}
