package io.openhire.resumeprocessing.pipeline;

import io.openhire.modelregistry.client.ChampionFollower;
import io.openhire.platform.events.Outbox;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.events.ResumeParseFailed;
import io.openhire.resumeprocessing.events.ResumeParsed;
import io.openhire.resumeprocessing.extraction.TextExtractor;
import io.openhire.resumeprocessing.models.ChampionResumeTagger;
import io.openhire.resumeprocessing.parsing.ResumeParser;
import io.openhire.resumetagger.ResumeTagger;
import io.openhire.storage.client.StorageApi;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses one resume in two steps, so that no database connection is held while another service or a
 * document parser works: {@link #parse} reads the original from storage (as this service, for the resume's
 * organisation) → text (Tika, OCR) → profile (parser), outside any transaction; {@link #save} then stores it
 * with a new revision and puts {@code resume.parsed.v1} or {@code resume.parse-failed.v1} in the outbox, in
 * the caller's (short) transaction. A document that cannot be read is an outcome (FAILED, NEEDS_OCR); only
 * infrastructure failures (storage away) throw, so the event is retried rather than lost.
 */
@Service
class ParsingService {

    private static final Logger log = LoggerFactory.getLogger(ParsingService.class);

    /**
     * What came out of a document: the text and its outcome, the profile when there is text.
     *
     * @param millis the time the download, text extraction and parse took
     */
    record Parsed(TextExtractor.Extracted extracted, CandidateProfile profile, Integer taggerVersion, int millis) {}

    private final ProfileStore store;
    private final StorageApi storage;
    private final ServiceAccount serviceAccount;
    private final TextExtractor extractor;
    private final ResumeParser parser;
    private final ChampionResumeTagger tagger;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;

    ParsingService(
            ProfileStore store,
            StorageApi storage,
            ServiceAccount serviceAccount,
            TextExtractor extractor,
            ResumeParser parser,
            ChampionResumeTagger tagger,
            Outbox outbox,
            JsonMapper json,
            Clock clock) {
        this.store = store;
        this.storage = storage;
        this.serviceAccount = serviceAccount;
        this.extractor = extractor;
        this.parser = parser;
        this.tagger = tagger;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** The original from storage, its text and its profile. Touches no database: call it outside a transaction. */
    Parsed parse(ProfileStore.Document document) {
        long started = System.nanoTime();
        TextExtractor.Extracted extracted;
        try {
            byte[] original = serviceAccount.onBehalfOf(
                    document.organizationId(), () -> storage.get(document.bucket(), document.objectKey()));
            extracted = extractor.extract(original, document.mediaType());
        } catch (HttpClientErrorException.NotFound gone) {
            // Deleted from storage before it was parsed: an outcome to report, not an event to retry.
            extracted = new TextExtractor.Extracted(
                    null, TextExtractor.Extracted.Outcome.FAILED, "The original file is no longer in storage.");
        }
        // One model reads the resume, and the profile records which (a later model's re-parse finds it by that).
        ChampionFollower.Loaded<ResumeTagger> model = tagger.loaded();
        CandidateProfile profile = extracted.outcome() == TextExtractor.Extracted.Outcome.TEXT
                ? parser.parse(extracted.text(), model.model())
                : null;
        return new Parsed(extracted, profile, profile == null ? null : model.version(), millisSince(started));
    }

    /** Stores what {@link #parse} found as the resume's next revision, and announces it, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void save(ProfileStore.Document document, Parsed parsed) {
        UUID org = document.organizationId();
        TextExtractor.Extracted extracted = parsed.extracted();
        int revision = store.nextRevision(document.resumeId());
        Instant now = clock.instant();
        if (parsed.profile() == null) {
            String status = extracted.outcome().name();
            store.save(
                    org,
                    new ProfileStore.StoredProfile(
                            document.resumeId(),
                            status,
                            extracted.reason(),
                            revision,
                            ResumeParser.VERSION,
                            null,
                            null,
                            null,
                            parsed.millis(),
                            now),
                    null);
            outbox.publish(
                    ResumeParseFailed.TOPIC,
                    document.resumeId().toString(),
                    new ResumeParseFailed(
                            document.resumeId(), org, revision, status, extracted.reason(), ResumeParser.VERSION, now),
                    org);
            log.info("Resume {} not parsed: {}", document.resumeId(), status);
            return;
        }
        CandidateProfile profile = parsed.profile();
        store.save(
                org,
                new ProfileStore.StoredProfile(
                        document.resumeId(),
                        "PARSED",
                        null,
                        revision,
                        profile.parserVersion(),
                        profile.taxonomyVersion(),
                        json.writeValueAsString(profile),
                        extracted.text(),
                        parsed.millis(),
                        now),
                parsed.taggerVersion());
        outbox.publish(
                ResumeParsed.TOPIC, document.resumeId().toString(), event(document, org, revision, profile, now), org);
    }

    static ResumeParsed event(
            ProfileStore.Document document, UUID org, int revision, CandidateProfile profile, Instant now) {
        List<String> titles = profile.work().stream()
                .map(CandidateProfile.Work::title)
                .filter(t -> t != null)
                .distinct()
                .toList();
        String current = !titles.isEmpty() ? titles.getFirst() : profile.headline();
        ResumeParsed.Location location = profile.location() == null
                ? null
                : new ResumeParsed.Location(
                        profile.location().city(),
                        profile.location().region(),
                        profile.location().country());
        return new ResumeParsed(
                document.resumeId(),
                org,
                revision,
                profile.parserVersion(),
                profile.taxonomyVersion(),
                current,
                titles,
                profile.skills().stream()
                        .map(s -> new ResumeParsed.Skill(s.id(), s.name()))
                        .toList(),
                profile.totalYearsExperience(),
                location,
                highestDegree(profile.education()),
                profile.languages(),
                now);
    }

    static String highestDegree(List<CandidateProfile.Education> education) {
        String best = null;
        int bestRank = 0;
        for (CandidateProfile.Education e : education) {
            int rank = degreeRank(e.degree());
            if (rank > bestRank) {
                bestRank = rank;
                best = e.degree();
            }
        }
        return best;
    }

    static int degreeRank(String degree) {
        if (degree == null) {
            return 0;
        }
        String d = degree.toLowerCase(java.util.Locale.ROOT).replace(".", "").replace(" ", "");
        if (d.startsWith("phd") || d.startsWith("doctor")) {
            return 5;
        }
        if (d.startsWith("master") || d.startsWith("m") && !d.startsWith("mbbs")) {
            return 4;
        }
        if (d.startsWith("bachelor") || d.startsWith("b") || d.startsWith("ll") || d.startsWith("mbbs")) {
            return 3;
        }
        if (d.startsWith("associate") || d.startsWith("diploma") || d.startsWith("pg")) {
            return 2;
        }
        return 1;
    }

    private static int millisSince(long started) {
        return (int) ((System.nanoTime() - started) / 1_000_000);
    }
}
