import io.openhire.matching.index.Embeddings;
import io.openhire.matching.index.IndexFields;
import io.openhire.matching.index.OrgIndex;
import io.openhire.matching.profiles.CandidateFacts;
import io.openhire.matching.profiles.CandidateImport;
import io.openhire.matching.profiles.JobFacts;
import io.openhire.matching.profiles.Place;
import io.openhire.matching.ranking.RankerModel;
import io.openhire.matching.ranking.Ranking;
import io.openhire.modelserving.runtime.OnnxEmbedder;
import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.client.ProfileView;
import io.openhire.resumeprocessing.events.ResumeParsed;
import io.openhire.skills.SkillMatch;
import io.openhire.skills.SkillsTaxonomy;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.VectorUtil;
import tools.jackson.databind.json.JsonMapper;

/**
 * Matching at scale, in process, on the service's own index and ranking code: N candidates generated from
 * real profiles by recombination (the 310 annotated resumes of ../shared/data, imported as the service
 * imports a parsed resume), real job postings as queries (Glassdoor), vectors from all-MiniLM-L6-v2.
 * Measures the index build rate, top-50 with explanations (p50/p99), and HNSW recall@10 against exact search.
 *
 * Synthetic candidates recombine two real resumes (title, text and evidence of one, skills of both) and
 * take a convex mix of their two real embeddings plus a little noise: their vectors are embedding-like, not
 * embeddings of their own text.
 */
public class MatchIndexBench {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final SkillsTaxonomy TAXONOMY = SkillsTaxonomy.load();
    static final List<Place> CITIES = List.of(
            new Place("Bengaluru", "Karnataka", "IN"), new Place("Pune", "Maharashtra", "IN"),
            new Place("Austin", "Texas", "US"), new Place("New York", "New York", "US"),
            new Place("San Francisco", "California", "US"), new Place("Chicago", "Illinois", "US"),
            new Place("Berlin", "Berlin", "DE"), new Place("London", null, "GB"),
            new Place("Toronto", "Ontario", "CA"), new Place("Boston", "Massachusetts", "US"),
            new Place("Hyderabad", "Telangana", "IN"), new Place("Seattle", "Washington", "US"));

    record Base(CandidateFacts facts, String text, float[] vector) {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path shared = Path.of(System.getProperty("shared", "../shared/data"));
        Random random = new Random(42);

        Path dir = Files.createTempDirectory("match-bench");
        OnnxEmbedder miniLm = OnnxEmbedder.load(
                copy("all-minilm-l6-v2.onnx", dir), copy("all-minilm-l6-v2-tokenizer.json", dir),
                new OnnxEmbedder.Config("MEAN", 256, 384, "last_hidden_state"), 2);

        long t0 = System.nanoTime();
        List<Base> bases = bases(shared, miniLm);
        System.out.printf("%d real profiles imported and embedded in %.1f s%n", bases.size(), secs(t0));

        List<JobQuery> jobs = jobs(shared, miniLm, queries);
        System.out.printf("%d job postings as queries%n", jobs.size());
        miniLm.close();

        float[][] vectors = new float[n][];
        OrgIndex index = new OrgIndex(dir.resolve("index"));
        long build = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Base a = bases.get(random.nextInt(bases.size()));
            Base b = bases.get(random.nextInt(bases.size()));
            CandidateFacts facts = recombine(a, b, random);
            String text = a.text() + "\n" + String.join("\n", b.text().lines().limit(5).toList());
            vectors[i] = mix(a.vector(), b.vector(), random);
            index.candidates().upsert(facts.resumeId(), IndexFields.candidate(facts, text, vectors[i], JSON));
            if ((i + 1) % 20_000 == 0) {
                System.out.printf("  %,d indexed, %.0f docs/s%n", i + 1, (i + 1) / secs(build));
            }
        }
        index.candidates().refresh();
        double buildSeconds = secs(build);
        long bytes;
        try (Stream<Path> files = Files.walk(dir.resolve("index"))) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf("index: %,d candidates in %.1f s (%.0f docs/s, HNSW and BM25), %.0f MB on disk%n",
                n, buildSeconds, n / buildSeconds, bytes / 1e6);

        Ranking ranking = new Ranking(JSON);
        RankerModel model = RankerModel.builtIn();
        RankerModel narrower = new RankerModel(null, model.weights(), 100, 100);
        record Run(String name, Ranking.Mode mode, RankerModel model) {}
        for (Run run : List.of(
                new Run("HYBRID, pool 200 BM25 + 100 HNSW (match-ranker v1)", Ranking.Mode.HYBRID, model),
                new Run("HYBRID, pool 100 BM25 + 100 HNSW", Ranking.Mode.HYBRID, narrower),
                new Run("BM25 only, the job's whole text", Ranking.Mode.BM25, model))) {
            // Warm-up: every query once (the JIT compiles the whole path; tails measured cold were compilation).
            for (JobQuery q : jobs) {
                ranking.candidatesForJob(index.candidates(), q.facts(), q.text(), q.vector(), run.model(), model.weights(), run.mode(), 50);
            }
            long[] nanos = new long[jobs.size()];
            List<Long> withPhrase = new ArrayList<>();
            List<Long> withoutPhrase = new ArrayList<>();
            int lines = 0;
            for (int i = 0; i < jobs.size(); i++) {
                JobQuery q = jobs.get(i);
                long s = System.nanoTime();
                lines += ranking.candidatesForJob(
                                index.candidates(), q.facts(), q.text(), q.vector(), run.model(), model.weights(), run.mode(), 50)
                        .size();
                nanos[i] = System.nanoTime() - s;
                (i % 2 == 1 ? withPhrase : withoutPhrase).add(nanos[i]);
            }
            long[] byQuery = nanos.clone();
            Arrays.sort(nanos);
            if (Boolean.getBoolean("tails")) {
                for (int i = 0; i < byQuery.length; i++) {
                    if (byQuery[i] >= nanos[(int) (nanos.length * 0.98)]) {
                        JobQuery q = jobs.get(i);
                        StringBuilder again = new StringBuilder();
                        for (int r = 0; r < 3; r++) {
                            long s = System.nanoTime();
                            ranking.candidatesForJob(index.candidates(), q.facts(), q.text(), q.vector(), run.model(), model.weights(), run.mode(), 50);
                            again.append(String.format(Locale.ROOT, " %.1f", (System.nanoTime() - s) / 1e6));
                        }
                        System.out.printf(Locale.ROOT, "  slow query %d (%s, %d required skills): %.1f ms; again:%s ms%n",
                                i, q.facts().title(), q.facts().requiredSkills().size(), byQuery[i] / 1e6, again);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "top-50 with explanations, %s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d queries, %.1f lines each);"
                            + " p99 %.1f ms for ads with a skill outside the taxonomy, %.1f ms without%n",
                    run.name(), nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6,
                    nanos[nanos.length - 1] / 1e6, jobs.size(), (double) lines / jobs.size(),
                    p99(withPhrase) / 1e6, p99(withoutPhrase) / 1e6);
        }

        long[] lexical = new long[jobs.size()];
        for (int i = 0; i < jobs.size(); i++) {
            JobQuery q = jobs.get(i);
            long s = System.nanoTime();
            index.candidates().search(searcher -> searcher.search(Ranking.jobQuery(q.facts()), model.lexicalCandidates()));
            lexical[i] = System.nanoTime() - s;
        }
        Arrays.sort(lexical);
        System.out.printf(Locale.ROOT, "  of which the BM25 retrieval (top %d): p50 %.1f ms, p99 %.1f ms%n",
                model.lexicalCandidates(), lexical[lexical.length / 2] / 1e6, lexical[(int) (lexical.length * 0.99)] / 1e6);
        for (int k : List.of(100, 200, 400)) {
            double recall = 0;
            long[] nanos = new long[jobs.size()];
            for (int i = 0; i < jobs.size(); i++) {
                float[] v = jobs.get(i).vector();
                Set<Integer> exact = exactTop10(vectors, v);
                long s = System.nanoTime();
                Set<Integer> approximate = index.candidates().search(searcher -> {
                    Set<Integer> ids = new HashSet<>();
                    ScoreDoc[] hits = searcher.search(new KnnFloatVectorQuery(IndexFields.VECTOR, v, k), 10).scoreDocs;
                    for (ScoreDoc hit : hits) {
                        ids.add(ordinal(searcher.storedFields().document(hit.doc).get(IndexFields.ID)));
                    }
                    return ids;
                });
                nanos[i] = System.nanoTime() - s;
                approximate.retainAll(exact);
                recall += approximate.size() / 10.0;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "HNSW k=%d: recall@10 %.3f against exact search, p50 %.2f ms, p99 %.2f ms%n",
                    k, recall / jobs.size(), nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6);
        }
        long exactStart = System.nanoTime();
        for (JobQuery q : jobs) {
            exactTop10(vectors, q.vector());
        }
        System.out.printf("exact top-10 (one thread, Lucene's VectorUtil): %.1f ms per query%n",
                secs(exactStart) * 1000 / jobs.size());
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap used %.0f MB (the 100k raw vectors kept for exact search are %.0f MB of it)%n",
                (rt.totalMemory() - rt.freeMemory()) / 1e6, n * 384 * 4 / 1e6);
        index.close();
    }

    // Candidate resume ids are UUIDs whose low bits are the ordinal, so hits map back to the vector array.
    static int next;

    static CandidateFacts recombine(Base a, Base b, Random random) {
        Map<String, CandidateFacts.Skill> skills = new LinkedHashMap<>();
        a.facts().skills().forEach(s -> skills.put(s.id(), s));
        b.facts().skills().stream().filter(s -> random.nextBoolean()).forEach(s -> skills.putIfAbsent(s.id(), s));
        Map<String, List<String>> evidence = new LinkedHashMap<>(b.facts().evidence());
        evidence.putAll(a.facts().evidence());
        UUID id = new UUID(0x5eed, next++);
        return new CandidateFacts(id, id, 1, a.facts().headline(), a.facts().currentTitle(), a.facts().titles(),
                List.copyOf(skills.values()), Math.round(random.nextDouble() * 200) / 10.0,
                CITIES.get(random.nextInt(CITIES.size())), null, List.of(), evidence, Instant.now());
    }

    static int ordinal(String resumeId) {
        return (int) UUID.fromString(resumeId).getLeastSignificantBits();
    }

    static float[] mix(float[] a, float[] b, Random random) {
        float[] v = new float[a.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.75f * a[i] + 0.25f * b[i] + (float) (random.nextGaussian() * 0.01);
        }
        VectorUtil.l2normalize(v);
        return v;
    }

    static Set<Integer> exactTop10(float[][] vectors, float[] query) {
        PriorityQueue<float[]> best = new PriorityQueue<>((x, y) -> Float.compare(x[0], y[0]));
        for (int i = 0; i < vectors.length; i++) {
            float score = VectorUtil.dotProduct(vectors[i], query);
            if (best.size() < 10) {
                best.add(new float[] {score, i});
            } else if (score > best.peek()[0]) {
                best.poll();
                best.add(new float[] {score, i});
            }
        }
        Set<Integer> ids = new HashSet<>();
        best.forEach(e -> ids.add((int) e[1]));
        return ids;
    }

    // --- real inputs ---------------------------------------------------------------------------------

    static List<Base> bases(Path shared, OnnxEmbedder embedder) throws Exception {
        CandidateImport importer = new CandidateImport(TAXONOMY);
        List<Base> bases = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(shared.resolve("resumes/annotated-xml/545_cvs_train_v2"))) {
            files = list.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        Pattern designation = Pattern.compile("<label type=\"Designation\">([^<]*)");
        Pattern name = Pattern.compile("<label type=\"Name\">([^<]*)");
        for (Path file : files) {
            String xml = Files.readString(file, StandardCharsets.UTF_8);
            String text = xml.replaceAll("</?label[^>]*>", "").replaceAll("<\\?xml[^>]*>|</?cv>", "").strip();
            List<String> titles = new ArrayList<>();
            Matcher m = designation.matcher(xml);
            while (m.find() && titles.size() < 4) {
                if (!titles.contains(m.group(1).strip())) {
                    titles.add(m.group(1).strip());
                }
            }
            Matcher nm = name.matcher(xml);
            Map<String, Integer> mentions = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            for (SkillMatch match : TAXONOMY.find(text)) {
                mentions.merge(match.skill().id(), 1, Integer::sum);
                names.put(match.skill().id(), match.skill().name());
            }
            List<CandidateProfile.SkillMention> skills = new ArrayList<>();
            mentions.forEach((id, count) -> skills.add(new CandidateProfile.SkillMention(id, names.get(id), null, count, false)));
            CandidateProfile profile = new CandidateProfile(nm.find() ? nm.group(1) : null, List.of(), List.of(), null, null,
                    null, null, List.of(), List.of(), skills, List.of(), List.of(), null, Map.of(), 1.0, "bench",
                    TAXONOMY.version(),
                    CandidateProfile.Mentions.NONE);
            ProfileView view = new ProfileView(UUID.randomUUID(), ProfileView.PARSED, null, 1, "bench", TAXONOMY.version(), 0,
                    Instant.now(), profile, text);
            ResumeParsed event = new ResumeParsed(UUID.randomUUID(), UUID.randomUUID(), 1, "bench", TAXONOMY.version(),
                    titles.isEmpty() ? null : titles.getFirst(), titles, List.of(), null, null, null, List.of(), Instant.now());
            CandidateImport.Imported imported = importer.fromProfile(event, view);
            float[] vector = embedder.embed(List.of(embedder.encode(
                    Embeddings.candidateText(imported.facts(), imported.searchText()))))[0];
            bases.add(new Base(imported.facts(), imported.searchText(), vector));
        }
        return bases;
    }

    record JobQuery(JobFacts facts, String text, float[] vector) {}

    static List<JobQuery> jobs(Path shared, OnnxEmbedder embedder, int count) throws Exception {
        List<JobQuery> jobs = new ArrayList<>();
        List<List<String>> rows = csv(Files.readString(shared.resolve("jobs/glassdoor/glassdoor_jobs.csv")));
        List<String> header = rows.getFirst();
        int titleAt = header.indexOf("Job Title"), descriptionAt = header.indexOf("Job Description"),
                locationAt = header.indexOf("Location");
        Pattern years = Pattern.compile("(\\d{1,2})\\+? years");
        for (List<String> row : rows.subList(1, rows.size())) {
            if (jobs.size() == count || row.size() <= Math.max(descriptionAt, locationAt)) {
                continue;
            }
            String title = row.get(titleAt), description = row.get(descriptionAt);
            Set<String> seen = new LinkedHashSet<>();
            List<JobFacts.Skill> skills = new ArrayList<>();
            for (SkillMatch match : TAXONOMY.find(description)) {
                if (seen.add(match.skill().id())) {
                    skills.add(new JobFacts.Skill(match.skill().id(), match.skill().name()));
                }
            }
            Matcher y = years.matcher(description);
            String[] place = row.get(locationAt).split(",\\s*");
            String lower = title.toLowerCase(Locale.ROOT);
            if (jobs.size() % 2 == 1) {
                // As job-processing reports a skill the taxonomy lacks: matched in the resume text (slower path).
                skills.add(Math.min(2, skills.size()), new JobFacts.Skill(null, "stakeholder management"));
            }
            JobFacts facts = new JobFacts(UUID.randomUUID(), 1, "OPEN", null, title, null,
                    lower.contains("senior") || lower.contains("sr") ? "SENIOR" : lower.contains("lead") ? "LEAD" : null,
                    y.find() ? Integer.parseInt(y.group(1)) : null,
                    skills.subList(0, Math.min(8, skills.size())),
                    skills.subList(Math.min(8, skills.size()), Math.min(12, skills.size())),
                    List.of(), null, List.of(new Place(place[0], place.length > 1 ? place[1] : null, "US")), null);
            String text = title + "\n" + description;
            float[] vector = embedder.embed(List.of(embedder.encode(text)))[0];
            jobs.add(new JobQuery(facts, text.length() > 4000 ? text.substring(0, 4000) : text, vector));
        }
        return jobs;
    }

    /** RFC 4180 CSV (quoted fields with newlines and doubled quotes). */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    static Path copy(String resource, Path dir) throws Exception {
        try (InputStream in = MatchIndexBench.class.getClassLoader().getResourceAsStream(resource)) {
            Path file = dir.resolve(resource);
            Files.copy(in, file);
            return file;
        }
    }

    static long p99(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((int) (sorted.size() * 0.99));
    }

    static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
