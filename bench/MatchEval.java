import io.openhire.platform.test.TestHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Evaluates matching on labelled data through a running platform (./openhire start): jobs and resumes go in
 * through the gateway like a user's (resume upload, job push), are parsed, analysed and indexed by the real
 * pipeline, then every query in the qrels file is ranked by the hybrid ranker and by BM25 alone
 * ({@code mode=bm25}) and scored with NDCG@5, NDCG@10, MAP and P@5.
 *
 * <pre>
 * --jobs DIR        job postings: .txt (first line = title) or .json (an OpenHire posting or schema.org JobPosting)
 * --resumes DIR     resumes in any supported format (PDF, DOCX, DOC, RTF, ODT, HTML, TXT)
 * --qrels FILE      TSV: query_id TAB doc_id TAB grade (ids = file names without extension; higher = better)
 * --direction       job-to-resumes (default) or resume-to-jobs
 * --url URL         the gateway, default http://localhost:8080
 * --email/--password  an account to use; default: a new organisation is registered for the run
 * </pre>
 */
public class MatchEval {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int DEPTH = 100;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!options.containsKey("jobs") || !options.containsKey("resumes") || !options.containsKey("qrels")) {
            System.err.println("usage: --jobs DIR --resumes DIR --qrels FILE [--direction job-to-resumes|resume-to-jobs]"
                    + " [--url http://localhost:8080] [--email E --password P]");
            System.exit(2);
        }
        boolean jobToResumes = !"resume-to-jobs".equals(options.getOrDefault("direction", "job-to-resumes"));
        TestHttp http = new TestHttp(options.getOrDefault("url", "http://localhost:8080"));
        String[] auth = TestHttp.bearer(token(http, options));
        Map<String, Map<String, Integer>> qrels = qrels(Path.of(options.get("qrels")));

        long start = System.nanoTime();
        Map<String, String> resumeIds = uploadResumes(http, auth, Path.of(options.get("resumes")));
        Map<String, String> jobIds = pushJobs(http, auth, Path.of(options.get("jobs")));
        System.out.printf("uploaded %d resumes and %d jobs in %.1f s%n", resumeIds.size(), jobIds.size(), seconds(start));

        int parsed = waitForParsing(http, auth, resumeIds);
        long parsedAt = System.nanoTime();
        System.out.printf("%d of %d resumes parsed after %.1f s%n", parsed, resumeIds.size(), seconds(start));
        waitForIndex(http, auth, parsed, jobIds);
        System.out.printf("all indexed %.1f s after the last parse was seen (polled every second)%n", seconds(parsedAt));
        printIndexLag(options.getOrDefault("matching-url", "http://localhost:8131"));

        Map<String, String> byResumeId = invert(resumeIds);
        Map<String, String> byJobId = invert(jobIds);
        System.out.println();
        System.out.println("| ranker | models | queries | NDCG@5 | NDCG@10 | MAP | P@5 |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String mode : List.of("hybrid", "bm25")) {
            double ndcg5 = 0, ndcg10 = 0, map = 0, p5 = 0;
            int queries = 0;
            String models = "";
            for (Map.Entry<String, Map<String, Integer>> query : qrels.entrySet()) {
                String subject = jobToResumes ? jobIds.get(query.getKey()) : resumeIds.get(query.getKey());
                if (subject == null) {
                    continue;
                }
                String param = jobToResumes ? "jobId=" : "resumeId=";
                TestHttp.Response response =
                        http.get("/api/v1/matches?" + param + subject + "&limit=" + DEPTH + "&mode=" + mode, auth);
                if (response.status() != 200) {
                    System.err.println("query " + query.getKey() + ": " + response.status() + " " + response.body());
                    continue;
                }
                JsonNode list = response.json();
                models = "match-ranker v" + list.path("models").path("ranker").path("version").asString("built-in")
                        + ", text-embedding v" + list.path("models").path("embedding").path("version").asString("none");
                List<String> ranked = new ArrayList<>();
                for (JsonNode line : list.path("matches")) {
                    String id = jobToResumes ? line.path("resumeId").asString() : line.path("jobId").asString();
                    ranked.add((jobToResumes ? byResumeId : byJobId).getOrDefault(id, "?"));
                }
                Map<String, Integer> grades = query.getValue();
                ndcg5 += ndcg(ranked, grades, 5);
                ndcg10 += ndcg(ranked, grades, 10);
                map += averagePrecision(ranked, grades);
                p5 += precision(ranked, grades, 5);
                queries++;
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f |%n",
                    mode.equals("hybrid") ? "hybrid (BM25 + HNSW, match-ranker)" : "BM25 only",
                    mode.equals("hybrid") ? models : "-",
                    queries, ndcg5 / queries, ndcg10 / queries, map / queries, p5 / queries);
        }
    }

    // --- ingestion through the gateway ---------------------------------------------------------------

    static String token(TestHttp http, Map<String, String> options) {
        String email = options.get("email");
        String password = options.get("password");
        if (email == null) {
            email = "eval-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
            password = "correct horse battery staple 42";
            TestHttp.Response registered = http.post("/api/v1/users/register",
                    Map.of("organization", "Matching evaluation", "name", "Quinn Ranker", "email", email, "password", password));
            if (registered.status() != 202) {
                throw new IllegalStateException("register: " + registered.status() + " " + registered.body());
            }
        }
        TestHttp.Response login = http.post("/api/v1/users/login", Map.of("email", email, "password", password));
        if (login.status() != 200) {
            throw new IllegalStateException("login: " + login.status() + " " + login.body());
        }
        return login.json().get("access_token").asString();
    }

    static Map<String, String> uploadResumes(TestHttp http, String[] auth, Path dir) throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Path file : files(dir)) {
            TestHttp.Response uploaded = http.postMultipart("/api/v1/resumes/upload", "file",
                    file.getFileName().toString(), "application/octet-stream", Files.readAllBytes(file), Map.of(), auth);
            if (uploaded.status() == 202 || uploaded.status() == 200) {
                ids.put(stem(file), uploaded.json().get("id").asString());
            } else {
                System.err.println(file + ": " + uploaded.status() + " " + uploaded.body());
            }
        }
        return ids;
    }

    static Map<String, String> pushJobs(TestHttp http, String[] auth, Path dir) throws Exception {
        List<String> stems = new ArrayList<>();
        List<JsonNode> postings = new ArrayList<>();
        for (Path file : files(dir)) {
            String name = file.getFileName().toString();
            String text = Files.readString(file, StandardCharsets.UTF_8);
            ObjectNode posting;
            if (name.endsWith(".json")) {
                posting = (ObjectNode) JSON.readTree(text);
            } else if (name.endsWith(".txt")) {
                posting = JSON.createObjectNode();
                String title = text.strip().lines().findFirst().orElse(stem(file));
                posting.put("title", title.length() > 200 ? title.substring(0, 200) : title);
                posting.put("description", text);
            } else {
                continue;
            }
            if (!posting.has("id") && !posting.has("identifier")) {
                posting.put("id", stem(file));
            }
            stems.add(stem(file));
            postings.add(posting);
        }
        Map<String, String> ids = new LinkedHashMap<>();
        for (int from = 0; from < postings.size(); from += 500) {
            List<JsonNode> batch = postings.subList(from, Math.min(postings.size(), from + 500));
            TestHttp.Response pushed = http.post("/api/v1/jobs/ingest", Map.of("postings", batch), auth);
            if (pushed.status() != 200) {
                throw new IllegalStateException("job push: " + pushed.status() + " " + pushed.body());
            }
            for (JsonNode result : pushed.json().path("postings")) {
                ids.put(stems.get(from + result.path("index").asInt()), result.path("jobId").asString());
            }
        }
        return ids;
    }

    /** Waits until no resume of the run's organisation is RECEIVED any more (a few list requests a round). */
    static int waitForParsing(TestHttp http, String[] auth, Map<String, String> resumes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            long received = http.get("/api/v1/resumes?status=RECEIVED&size=1", auth).json().path("total").asLong();
            if (received == 0) {
                break;
            }
            Thread.sleep(1000);
        }
        long parsed = http.get("/api/v1/resumes?status=PARSED&size=1", auth).json().path("total").asLong();
        long failed = http.get("/api/v1/resumes?status=FAILED&size=1", auth).json().path("total").asLong()
                + http.get("/api/v1/resumes?status=NEEDS_OCR&size=1", auth).json().path("total").asLong();
        if (failed > 0) {
            System.err.println(failed + " resumes could not be parsed (FAILED or NEEDS_OCR); they are not ranked");
        }
        return (int) parsed;
    }

    static void waitForIndex(TestHttp http, String[] auth, int resumes, Map<String, String> jobs)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode index = http.get("/api/v1/matches/index", auth).json();
            boolean ready = "READY".equals(index.path("index").path("state").asString())
                    && index.path("indexedCandidates").asInt() >= resumes
                    && index.path("indexedJobs").asInt() >= jobs.size()
                    && index.path("index").path("pendingChanges").asInt() == 0
                    && index.path("index").path("pendingVectors").asInt() == 0
                    && !index.path("index").path("embeddingVersion").isNull();
            boolean jobsReady = ready && jobs.values().stream()
                    .allMatch(id -> http.get("/api/v1/matches?jobId=" + id + "&limit=1", auth).status() == 200);
            if (jobsReady) {
                return;
            }
            Thread.sleep(1000);
        }
        System.err.println("the index was not complete after 10 minutes; evaluating what is there");
    }

    /** matching's own measure: from each resume's parse (the event's time) to searchable in the index. */
    static void printIndexLag(String matchingUrl) {
        try {
            String metrics = new TestHttp(matchingUrl).get("/actuator/prometheus").body();
            printLag(metrics, "openhire_matching_event_lag_seconds", "parse → event received by matching");
            printLag(metrics, "openhire_matching_index_lag_seconds", "parse → searchable");
        } catch (RuntimeException e) {
            System.out.println("matching's metrics not readable at " + matchingUrl + ": " + e.getMessage());
        }
    }

    static void printLag(String metrics, String metric, String what) {
        {
            Map<String, String> values = new HashMap<>();
            for (String line : metrics.split("\n")) {
                if (line.startsWith(metric)) {
                    int space = line.lastIndexOf(' ');
                    String key = line.substring(0, space);
                    // Labels dropped except the quantile: openhire_matching_index_lag_seconds_count{…} 309
                    String name = key.contains("{") ? key.substring(0, key.indexOf('{')) : key;
                    values.put(key.contains("quantile=") ? key : name, line.substring(space + 1));
                }
            }
            double count = Double.parseDouble(values.getOrDefault(metric + "_count", "0"));
            double sum = Double.parseDouble(values.getOrDefault(metric + "_sum", "0"));
            String p50 = values.entrySet().stream().filter(e -> e.getKey().contains("quantile=\"0.5\""))
                    .map(Map.Entry::getValue).findFirst().orElse("?");
            String p99 = values.entrySet().stream().filter(e -> e.getKey().contains("quantile=\"0.99\""))
                    .map(Map.Entry::getValue).findFirst().orElse("?");
            System.out.printf(Locale.ROOT, "%s (matching's %s, %d resumes since its start):"
                            + " mean %.0f ms, p50 %s s, p99 %s s, max %s s%n",
                    what, metric, (long) count, count == 0 ? 0 : 1000 * sum / count, p50, p99,
                    values.getOrDefault(metric + "_max", "?"));
        }
    }

    // --- metrics ---------------------------------------------------------------------------------------

    /** NDCG with gains 2^grade − 1 and a log2 discount; the ideal ranking is the qrels' own. */
    static double ndcg(List<String> ranked, Map<String, Integer> grades, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += (Math.pow(2, grades.getOrDefault(ranked.get(i), 0)) - 1) / log2(i + 2);
        }
        List<Integer> ideal = grades.values().stream().sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += (Math.pow(2, ideal.get(i)) - 1) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** Relevant = grade above 0; divided by all relevant documents (unretrieved ones count as 0). */
    static double averagePrecision(List<String> ranked, Map<String, Integer> grades) {
        long relevant = grades.values().stream().filter(g -> g > 0).count();
        if (relevant == 0) {
            return 0;
        }
        double sum = 0;
        int hits = 0;
        for (int i = 0; i < ranked.size(); i++) {
            if (grades.getOrDefault(ranked.get(i), 0) > 0) {
                hits++;
                sum += (double) hits / (i + 1);
            }
        }
        return sum / relevant;
    }

    static double precision(List<String> ranked, Map<String, Integer> grades, int k) {
        long hits = ranked.stream().limit(k).filter(d -> grades.getOrDefault(d, 0) > 0).count();
        return (double) hits / k;
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    // --- files -----------------------------------------------------------------------------------------

    static Map<String, Map<String, Integer>> qrels(Path file) throws Exception {
        Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.strip().split("\t");
            if (parts.length < 3 || line.startsWith("#")) {
                continue;
            }
            try {
                qrels.computeIfAbsent(parts[0], q -> new HashMap<>()).put(parts[1], Integer.parseInt(parts[2].strip()));
            } catch (NumberFormatException e) {
                // a header line
            }
        }
        return qrels;
    }

    static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static Map<String, String> invert(Map<String, String> map) {
        Map<String, String> inverted = new HashMap<>();
        map.forEach((k, v) -> inverted.put(v, k));
        return inverted;
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
