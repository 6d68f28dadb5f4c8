package io.openhire.matching.index;

import io.openhire.matching.profiles.CandidateFacts;
import io.openhire.matching.profiles.JobFacts;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import tools.jackson.databind.json.JsonMapper;

/**
 * How candidates and jobs become Lucene documents. Searched: {@code skill} (taxonomy ids, exact),
 * {@code title} and {@code text} (English analysis: stemming, stop words; BM25), {@code vector} (HNSW,
 * dot product of unit vectors = cosine). The facts ranking reads for every retrieved document are JSON in
 * doc values (read without touching the large stored text); the text and the evidence lines are stored
 * fields, read for the lines shown. A query never goes to the database.
 */
public final class IndexFields {

    public static final String ID = "id";
    public static final String CANDIDATE = "candidate";
    public static final String SKILL = "skill";
    public static final String TITLE = "title";
    public static final String TEXT = "text";
    public static final String FACTS = "facts";
    /** Candidates only: the evidence lines per skill id, read for the lines shown, not for every scored one. */
    public static final String EVIDENCE = "evidence";

    public static final String BODY = "body";
    public static final String VECTOR = "vector";
    /** Jobs only: "true" for open, canonical postings (the ones offered to candidates). */
    public static final String OFFERED = "offered";

    private IndexFields() {}

    public static Analyzer analyzer() {
        return new EnglishAnalyzer();
    }

    public static Document candidate(CandidateFacts facts, String searchText, float[] vector, JsonMapper json) {
        Document doc = new Document();
        doc.add(new StringField(ID, facts.resumeId().toString(), Field.Store.YES));
        doc.add(new StringField(CANDIDATE, facts.candidateId().toString(), Field.Store.YES));
        facts.skills().forEach(s -> {
            if (s.id() != null) {
                doc.add(new StringField(SKILL, s.id(), Field.Store.NO));
            }
        });
        StringBuilder titles = new StringBuilder();
        if (facts.currentTitle() != null) {
            titles.append(facts.currentTitle());
        }
        facts.titles().forEach(t -> titles.append('\n').append(t));
        doc.add(new TextField(TITLE, titles.toString(), Field.Store.NO));
        doc.add(new TextField(TEXT, searchText, Field.Store.NO));
        doc.add(new StoredField(BODY, searchText));
        doc.add(new BinaryDocValuesField(FACTS, new BytesRef(json.writeValueAsBytes(withoutEvidence(facts)))));
        doc.add(new StoredField(EVIDENCE, json.writeValueAsBytes(facts.evidence())));
        if (vector != null) {
            doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        return doc;
    }

    private static CandidateFacts withoutEvidence(CandidateFacts f) {
        return new CandidateFacts(
                f.resumeId(),
                f.candidateId(),
                f.revision(),
                f.headline(),
                f.currentTitle(),
                f.titles(),
                f.skills(),
                f.years(),
                f.location(),
                f.highestDegree(),
                f.languages(),
                java.util.Map.of(),
                f.parsedAt());
    }

    public static Document job(JobFacts facts, String searchText, float[] vector, JsonMapper json) {
        Document doc = new Document();
        doc.add(new StringField(ID, facts.jobId().toString(), Field.Store.YES));
        facts.requiredSkills().forEach(s -> {
            if (s.id() != null) {
                doc.add(new StringField(SKILL, s.id(), Field.Store.NO));
            }
        });
        facts.niceToHaveSkills().forEach(s -> {
            if (s.id() != null) {
                doc.add(new StringField(SKILL, s.id(), Field.Store.NO));
            }
        });
        doc.add(new TextField(TITLE, facts.title() == null ? "" : facts.title(), Field.Store.NO));
        doc.add(new TextField(TEXT, searchText, Field.Store.NO));
        doc.add(new StoredField(BODY, searchText));
        doc.add(new StringField(OFFERED, Boolean.toString(facts.offered()), Field.Store.NO));
        doc.add(new BinaryDocValuesField(FACTS, new BytesRef(json.writeValueAsBytes(facts))));
        if (vector != null) {
            doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        return doc;
    }
}
