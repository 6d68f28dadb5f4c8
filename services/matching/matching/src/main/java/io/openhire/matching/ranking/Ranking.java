package io.openhire.matching.ranking;

import io.openhire.matching.events.ScoreCategory;
import io.openhire.matching.index.IndexFields;
import io.openhire.matching.index.OrgIndex;
import io.openhire.matching.profiles.CandidateFacts;
import io.openhire.matching.profiles.JobFacts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.VectorUtil;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Retrieval and ranking over one organisation's index. Hybrid: the union of a BM25 query (skills by
 * taxonomy id, title words, skill and keyword words) and an HNSW nearest-neighbour query on the vectors is
 * scored by {@link MatchFeatures} and ordered by the ranker's weighted total. {@link Mode#BM25} is the
 * baseline: the job's whole text as one BM25 query, ordered by BM25 alone.
 */
public final class Ranking {

    /** How results are ordered. */
    public enum Mode {
        HYBRID,
        BM25
    }

    /** One ranked line: who or what, the score, why; {@code doc} is its place in the searched index view. */
    public record Ranked(UUID id, UUID candidateId, double score, Explanation explanation, Object facts, int doc) {

        Ranked with(Explanation explained) {
            return new Ranked(id, candidateId, score, explained, facts, doc);
        }
    }

    private static final Analyzer ANALYZER = IndexFields.analyzer();
    private static final int MAX_QUERY_CHARS = 4000;
    static final int SEARCH_WIDTH = 2;

    private final JsonMapper json;

    public Ranking(JsonMapper json) {
        this.json = json;
    }

    /**
     * Candidates for a job, best first, one line per candidate (their best resume).
     *
     * @param jobVector the job's vector in this index's embedding version, or null
     */
    public List<Ranked> candidatesForJob(
            OrgIndex.Side candidates,
            JobFacts job,
            String jobText,
            float[] jobVector,
            RankerModel model,
            Map<ScoreCategory, Double> weights,
            Mode mode,
            int limit) {
        MatchFeatures.JobSide side = new MatchFeatures.JobSide(job);
        return candidates.search(searcher -> {
            Map<Integer, Float> lexical = new HashMap<>();
            Map<Integer, Double> cosines = new HashMap<>();
            if (mode == Mode.BM25) {
                Query query = textQuery(IndexFields.TEXT, jobText, 1f);
                if (query != null) {
                    collect(searcher, query, Math.max(limit * 3, limit + 20), lexical);
                }
            } else {
                collect(searcher, jobQuery(job), model.lexicalCandidates(), lexical);
                if (jobVector != null) {
                    nearest(searcher, jobVector, model.vectorCandidates(), null, cosines);
                }
            }
            Set<Integer> pool = new HashSet<>(lexical.keySet());
            pool.addAll(cosines.keySet());
            if (jobVector != null) {
                exactCosines(searcher, jobVector, pool, cosines);
            }
            // Phase 1: every pooled resume scored from its facts (doc values), and, for skills the ad names
            // without a taxonomy id, from phrase queries on the text.
            Map<Integer, CandidateFacts> facts = readFacts(searcher, pool, CandidateFacts.class);
            Map<String, Set<Integer>> phrases = phraseMatches(searcher, side.phraseSkills(), pool);
            List<Ranked> ranked = new ArrayList<>(pool.size());
            for (Map.Entry<Integer, CandidateFacts> entry : facts.entrySet()) {
                int doc = entry.getKey();
                CandidateFacts candidate = entry.getValue();
                MatchFeatures.TextMentions mentions =
                        phrase -> phrases.getOrDefault(phrase, Set.of()).contains(doc);
                Explanation explanation = MatchFeatures.explain(side, candidate, mentions, cosines.get(doc), weights);
                double score = mode == Mode.BM25
                        ? Math.round(lexical.getOrDefault(doc, 0f) * 100) / 100.0
                        : explanation.total();
                ranked.add(
                        new Ranked(candidate.resumeId(), candidate.candidateId(), score, explanation, candidate, doc));
            }
            // Phase 2: evidence for the lines shown.
            StoredFields stored = searcher.storedFields();
            List<Ranked> best = best(ranked, limit, true);
            List<Ranked> explained = new ArrayList<>(best.size());
            for (Ranked r : best) {
                Document d = stored.document(r.doc(), Set.of(IndexFields.EVIDENCE, IndexFields.BODY));
                Map<String, List<String>> evidence =
                        json.readValue(d.getBinaryValue(IndexFields.EVIDENCE).bytes, EVIDENCE);
                explained.add(
                        r.with(MatchFeatures.withEvidence(r.explanation(), side, evidence, d.get(IndexFields.BODY))));
            }
            return explained;
        });
    }

    private static final TypeReference<Map<String, List<String>>> EVIDENCE = new TypeReference<>() {};

    /** The facts of the given documents, from doc values, visiting each segment's documents in order. */
    private <T> Map<Integer, T> readFacts(IndexSearcher searcher, Set<Integer> docs, Class<T> type) throws IOException {
        Map<Integer, T> facts = new LinkedHashMap<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        BinaryDocValues values = null;
        int leafIndex = -1;
        for (int doc : docs.stream().sorted().toList()) {
            int leaf = ReaderUtil.subIndex(doc, leaves);
            if (leaf != leafIndex) {
                leafIndex = leaf;
                values = leaves.get(leaf).reader().getBinaryDocValues(IndexFields.FACTS);
            }
            if (values != null && values.advanceExact(doc - leaves.get(leaf).docBase)) {
                BytesRef bytes = values.binaryValue();
                facts.put(doc, json.readValue(bytes.bytes, bytes.offset, bytes.length, type));
            }
        }
        return facts;
    }

    /** For each phrase, which of the given documents mention it (an analysed phrase query on the text). */
    private static Map<String, Set<Integer>> phraseMatches(
            IndexSearcher searcher, List<String> phrases, Set<Integer> docs) throws IOException {
        Map<String, Set<Integer>> matches = new HashMap<>();
        if (phrases.isEmpty() || docs.isEmpty()) {
            return matches;
        }
        List<Integer> sorted = docs.stream().sorted().toList();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (String phrase : phrases) {
            Query query = new QueryBuilder(ANALYZER).createPhraseQuery(IndexFields.TEXT, phrase);
            Set<Integer> found = new HashSet<>();
            matches.put(phrase, found);
            if (query == null) {
                continue;
            }
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
            int leafIndex = -1;
            DocIdSetIterator iterator = null;
            for (int doc : sorted) {
                int leaf = ReaderUtil.subIndex(doc, leaves);
                if (leaf != leafIndex) {
                    leafIndex = leaf;
                    Scorer scorer = weight.scorer(leaves.get(leaf));
                    iterator = scorer == null ? null : scorer.iterator();
                }
                int local = doc - leaves.get(leaf).docBase;
                if (iterator != null
                        && (iterator.docID() >= local ? iterator.docID() : iterator.advance(local)) == local) {
                    found.add(doc);
                }
            }
        }
        return matches;
    }

    /** Open, canonical jobs for a candidate (one of their resumes), best first. */
    public List<Ranked> jobsForCandidate(
            OrgIndex.Side jobs,
            CandidateFacts candidate,
            String candidateText,
            float[] resumeVector,
            RankerModel model,
            Mode mode,
            int limit) {
        Query offered = new TermQuery(new Term(IndexFields.OFFERED, "true"));
        return jobs.search(searcher -> {
            Map<Integer, Float> lexical = new HashMap<>();
            Map<Integer, Double> cosines = new HashMap<>();
            if (mode == Mode.BM25) {
                Query text = textQuery(IndexFields.TEXT, candidateText, 1f);
                if (text != null) {
                    collect(searcher, filtered(text, offered), Math.max(limit * 3, limit + 20), lexical);
                }
            } else {
                collect(searcher, filtered(candidateQuery(candidate), offered), model.lexicalCandidates(), lexical);
                if (resumeVector != null) {
                    nearest(searcher, resumeVector, model.vectorCandidates(), offered, cosines);
                }
            }
            Set<Integer> pool = new HashSet<>(lexical.keySet());
            pool.addAll(cosines.keySet());
            if (resumeVector != null) {
                exactCosines(searcher, resumeVector, pool, cosines);
            }
            List<Ranked> ranked = new ArrayList<>(pool.size());
            Map<UUID, MatchFeatures.JobSide> sides = new HashMap<>();
            MatchFeatures.TextMentions mentions = MatchFeatures.TextMentions.of(candidateText);
            for (Map.Entry<Integer, JobFacts> entry :
                    readFacts(searcher, pool, JobFacts.class).entrySet()) {
                int doc = entry.getKey();
                JobFacts job = entry.getValue();
                MatchFeatures.JobSide side = new MatchFeatures.JobSide(job);
                sides.put(job.jobId(), side);
                Explanation explanation =
                        MatchFeatures.explain(side, candidate, mentions, cosines.get(doc), model.weights());
                double score = mode == Mode.BM25
                        ? Math.round(lexical.getOrDefault(doc, 0f) * 100) / 100.0
                        : explanation.total();
                ranked.add(new Ranked(job.jobId(), candidate.candidateId(), score, explanation, job, doc));
            }
            List<Ranked> explained = new ArrayList<>();
            for (Ranked r : best(ranked, limit, false)) {
                explained.add(r.with(MatchFeatures.withEvidence(
                        r.explanation(), sides.get(r.id()), candidate.evidence(), candidateText)));
            }
            return explained;
        });
    }

    private static List<Ranked> best(List<Ranked> ranked, int limit, boolean onePerCandidate) {
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparing(r -> r.id().toString()));
        List<Ranked> best = new ArrayList<>(Math.min(limit, ranked.size()));
        Set<UUID> seen = new HashSet<>();
        for (Ranked r : ranked) {
            if (onePerCandidate && !seen.add(r.candidateId())) {
                continue;
            }
            best.add(r);
            if (best.size() == limit) {
                break;
            }
        }
        return best;
    }

    /** The structured BM25 query for a job: its skills by id, its title, the words of its skills and keywords. */
    public static Query jobQuery(JobFacts job) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        job.requiredSkills().forEach(s -> addSkill(query, s, 3f));
        job.niceToHaveSkills().forEach(s -> addSkill(query, s, 1.5f));
        add(query, textQuery(IndexFields.TITLE, job.title(), 2f));
        StringBuilder words = new StringBuilder(job.title() == null ? "" : job.title());
        job.requiredSkills().forEach(s -> words.append(' ').append(s.name()));
        job.niceToHaveSkills().forEach(s -> words.append(' ').append(s.name()));
        job.keywords().forEach(k -> words.append(' ').append(k));
        add(query, textQuery(IndexFields.TEXT, words.toString(), 1f));
        return query.build();
    }

    static Query candidateQuery(CandidateFacts candidate) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        candidate.skills().stream()
                .filter(s -> s.id() != null)
                .limit(200)
                .forEach(s -> query.add(
                        new BoostQuery(new TermQuery(new Term(IndexFields.SKILL, s.id())), 2f),
                        BooleanClause.Occur.SHOULD));
        StringBuilder titles = new StringBuilder(candidate.currentTitle() == null ? "" : candidate.currentTitle());
        candidate.titles().stream().limit(5).forEach(t -> titles.append(' ').append(t));
        add(query, textQuery(IndexFields.TITLE, titles.toString(), 2f));
        StringBuilder words = new StringBuilder(titles);
        candidate.skills().stream().limit(50).forEach(s -> words.append(' ').append(s.name()));
        add(query, textQuery(IndexFields.TEXT, words.toString(), 1f));
        return query.build();
    }

    private static void addSkill(BooleanQuery.Builder query, JobFacts.Skill skill, float boost) {
        if (skill.id() != null) {
            query.add(
                    new BoostQuery(new TermQuery(new Term(IndexFields.SKILL, skill.id())), boost),
                    BooleanClause.Occur.SHOULD);
        }
    }

    private static void add(BooleanQuery.Builder query, Query clause) {
        if (clause != null) {
            query.add(clause, BooleanClause.Occur.SHOULD);
        }
    }

    private static Query filtered(Query query, Query filter) {
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(filter, BooleanClause.Occur.FILTER)
                .build();
    }

    /** The words of a text as a BM25 disjunction, or null when nothing is left after analysis. */
    static Query textQuery(String field, String text, float boost) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String capped = text.length() > MAX_QUERY_CHARS ? text.substring(0, MAX_QUERY_CHARS) : text;
        Query query = new QueryBuilder(ANALYZER).createBooleanQuery(field, capped, BooleanClause.Occur.SHOULD);
        if (query == null) {
            return null;
        }
        return boost == 1f ? query : new BoostQuery(query, boost);
    }

    private static void collect(IndexSearcher searcher, Query query, int n, Map<Integer, Float> scores)
            throws IOException {
        for (ScoreDoc hit : searcher.search(query, n).scoreDocs) {
            scores.put(hit.doc, hit.score);
        }
    }

    private static void nearest(
            IndexSearcher searcher, float[] vector, int k, Query filter, Map<Integer, Double> cosines)
            throws IOException {
        KnnFloatVectorQuery query = new KnnFloatVectorQuery(IndexFields.VECTOR, vector, k, filter);
        for (ScoreDoc hit : searcher.search(query, k).scoreDocs) {
            cosines.put(hit.doc, 2.0 * hit.score - 1); // DOT_PRODUCT scores are (1 + cosine) / 2
        }
    }

    /** Exact cosines for pooled documents that the vector search did not return (found by their words). */
    private static void exactCosines(
            IndexSearcher searcher, float[] vector, Set<Integer> pool, Map<Integer, Double> cosines)
            throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Map<Integer, List<Integer>> byLeaf = new LinkedHashMap<>();
        for (int doc : pool) {
            if (!cosines.containsKey(doc)) {
                byLeaf.computeIfAbsent(ReaderUtil.subIndex(doc, leaves), leaf -> new ArrayList<>())
                        .add(doc);
            }
        }
        for (Map.Entry<Integer, List<Integer>> entry : byLeaf.entrySet()) {
            LeafReaderContext leaf = leaves.get(entry.getKey());
            FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
            if (values == null) {
                continue;
            }
            List<Integer> docs = entry.getValue();
            docs.sort(Integer::compare);
            KnnVectorValues.DocIndexIterator iterator = values.iterator();
            for (int doc : docs) {
                int local = doc - leaf.docBase;
                int at = iterator.docID() >= local ? iterator.docID() : iterator.advance(local);
                if (at == local) {
                    cosines.put(doc, (double) VectorUtil.dotProduct(vector, values.vectorValue(iterator.index())));
                }
            }
        }
    }
}
