package io.openhire.matching.index;

import io.openhire.matching.profiles.CandidateStore;
import io.openhire.matching.profiles.JobStore;
import io.openhire.matching.profiles.SourceChanged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies changes to a generation: reads each changed resume or job as its row is now (no row: it was
 * deleted), updates or deletes its document, and refreshes each organisation once per batch. Applying a
 * change twice or late is harmless. A document whose vector is not stored yet is indexed by its words now
 * and handed to the {@link VectorBackfill} for its vector. Runs on the indexer thread only.
 */
final class ChangeApplier {

    private final CandidateStore candidates;
    private final JobStore jobs;
    private final Embeddings embeddings;
    private final VectorBackfill backfill;
    private final JsonMapper json;

    ChangeApplier(
            CandidateStore candidates, JobStore jobs, Embeddings embeddings, VectorBackfill backfill, JsonMapper json) {
        this.candidates = candidates;
        this.jobs = jobs;
        this.embeddings = embeddings;
        this.backfill = backfill;
        this.json = json;
    }

    /** Applies changes (keys, no times) to a generation and refreshes the organisations they touched. */
    void apply(Generation generation, List<SourceChanged> changes) {
        Map<UUID, List<SourceChanged>> byOrg = new LinkedHashMap<>();
        changes.forEach(c -> byOrg.computeIfAbsent(c.organizationId(), o -> new ArrayList<>())
                .add(c));
        byOrg.forEach((org, orgChanges) -> {
            OrgIndex index = generation.org(org);
            applyResumes(generation, index, org, ids(orgChanges, SourceChanged.Kind.RESUME));
            applyJobs(generation, index, org, ids(orgChanges, SourceChanged.Kind.JOB));
            index.refresh();
        });
    }

    private static List<UUID> ids(List<SourceChanged> changes, SourceChanged.Kind kind) {
        return changes.stream()
                .filter(c -> c.kind() == kind)
                .map(SourceChanged::id)
                .toList();
    }

    private void applyResumes(Generation generation, OrgIndex index, UUID org, List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Map<UUID, CandidateStore.StoredCandidate> rows = candidates.findAll(org, ids);
        Map<UUID, String> texts = new LinkedHashMap<>();
        rows.forEach((id, c) -> texts.put(id, Embeddings.candidateText(c.facts(), c.searchText())));
        Map<UUID, float[]> vectors = storedOrQueued(generation, org, SourceChanged.Kind.RESUME, texts);
        for (UUID id : ids) {
            CandidateStore.StoredCandidate c = rows.get(id);
            if (c == null) {
                index.candidates().delete(id);
                backfill.forget(new SourceChanged(org, SourceChanged.Kind.RESUME, id));
            } else {
                index.candidates().upsert(id, IndexFields.candidate(c.facts(), c.searchText(), vectors.get(id), json));
            }
        }
    }

    private void applyJobs(Generation generation, OrgIndex index, UUID org, List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Map<UUID, JobStore.StoredJob> rows = jobs.findAll(org, ids);
        Map<UUID, String> texts = new LinkedHashMap<>();
        rows.forEach((id, j) -> texts.put(id, Embeddings.jobText(j)));
        Map<UUID, float[]> vectors = storedOrQueued(generation, org, SourceChanged.Kind.JOB, texts);
        for (UUID id : ids) {
            JobStore.StoredJob j = rows.get(id);
            if (j == null) {
                index.jobs().delete(id);
                backfill.forget(new SourceChanged(org, SourceChanged.Kind.JOB, id));
            } else {
                index.jobs().upsert(id, IndexFields.job(j.facts(), j.searchText(), vectors.get(id), json));
            }
        }
    }

    /**
     * The stored vectors of the texts (unchanged text, same model version); the others are queued for the
     * embedder, so that the document is searchable now by its words and gets its vector a moment later.
     */
    private Map<UUID, float[]> storedOrQueued(
            Generation generation, UUID org, SourceChanged.Kind kind, Map<UUID, String> texts) {
        if (generation.embeddingVersion() == 0 || texts.isEmpty()) {
            return Map.of();
        }
        Map<UUID, float[]> vectors = embeddings.stored(kind, generation.embeddingVersion(), texts);
        texts.forEach((id, text) -> {
            if (!vectors.containsKey(id)) {
                backfill.queue(new VectorBackfill.ToEmbed(generation, org, kind, id, text));
            }
        });
        return vectors;
    }
}
