import io.openhire.modelserving.runtime.OnnxEmbedder;
import io.openhire.platform.test.TestHttp;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Embedding throughput, the same model two ways in one run: raw ONNX Runtime in this JVM (the service's
 * own OnnxEmbedder, 2 threads with 1 ONNX Runtime thread each, as the service runs it) and through
 * POST /api/v1/predict of a running platform (concurrent clients, distinct texts: no cache hits), for
 * short (~30 token) and long (~250 token) texts at batch 1, 8 and 32. Then cached repeats. Run the raw
 * and service parts one after the other, not at once: they share the 2 cores.
 * Run by bench/embedding-throughput.sh.
 */
public class EmbeddingThroughput {

    static final String[] WORDS = ("senior java developer spring boot kafka postgresql kubernetes microservices "
                    + "payments team lead mentoring recruiting agency berlin remote hybrid backend platform data "
                    + "engineer python machine learning pipelines airflow cloud aws terraform observability on call "
                    + "customer onboarding growth hiring interviews stakeholders roadmap delivery quality testing")
            .split(" ");

    record Result(double textsPerSecond, double p50Ms, double p99Ms) {}

    public static void main(String[] args) throws Exception {
        String serving = args.length > 0 ? args[0] : "http://localhost:8000";
        String gateway = args.length > 1 ? args[1] : "http://localhost:8080";
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;

        Path dir = Files.createTempDirectory("embedding-bench");
        OnnxEmbedder miniLm = OnnxEmbedder.load(
                copy("all-minilm-l6-v2.onnx", dir),
                copy("all-minilm-l6-v2-tokenizer.json", dir),
                new OnnxEmbedder.Config("MEAN", 256, 384, "last_hidden_state"),
                1);
        System.out.printf("texts: short = %d tokens, long = %d tokens (all-MiniLM-L6-v2 tokenizer)%n",
                miniLm.encode(text(0, 22)).length(), miniLm.encode(text(0, 200)).length());

        String token = token(gateway);
        System.out.println("| texts | batch | raw ONNX texts/s | raw p50 / p99 ms per batch | /predict texts/s | /predict p50 / p99 ms per request | service / raw |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String kind : List.of(System.getProperty("kinds", "short,long").split(","))) {
            int words = kind.equals("short") ? 22 : 200;
            for (int batch : List.of(1, 8, 32)) {
                Result raw = raw(miniLm, words, batch, seconds);
                Result service = service(serving, token, words, batch, seconds);
                System.out.printf("| %s | %d | %.1f | %.1f / %.1f | %.1f | %.1f / %.1f | %.0f %% |%n",
                        kind, batch, raw.textsPerSecond(), raw.p50Ms(), raw.p99Ms(),
                        service.textsPerSecond(), service.p50Ms(), service.p99Ms(),
                        100 * service.textsPerSecond() / raw.textsPerSecond());
            }
        }
        miniLm.close();

        for (String base : List.of(serving, gateway)) {
            TestHttp http = new TestHttp(base);
            Map<String, Object> body = Map.of("inputs", List.of("Senior Java developer, Berlin"));
            for (int i = 0; i < 1000; i++) {
                http.post("/api/v1/predict", body, TestHttp.bearer(token));
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                long t = System.nanoTime();
                http.post("/api/v1/predict", body, TestHttp.bearer(token));
                millis.add((System.nanoTime() - t) / 1e6);
            }
            Collections.sort(millis);
            System.out.printf("cached repeat via %s: p50 %.2f ms, p99 %.2f ms (2,000 sequential requests)%n",
                    base, millis.get(1000), millis.get(1979));
        }
    }

    static Result raw(OnnxEmbedder embedder, int words, int batch, int seconds) throws Exception {
        AtomicLong texts = new AtomicLong();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        long begin = System.nanoTime();
        long end = begin + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int thread = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    List<OnnxEmbedder.Encoded> encoded = new ArrayList<>();
                    long start = System.nanoTime();
                    for (int j = 0; j < batch; j++) {
                        encoded.add(embedder.encode(text(thread * 1_000_000 + i * batch + j, words)));
                    }
                    try {
                        embedder.embed(encoded);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    latencies.add((System.nanoTime() - start) / 1e6);
                    texts.addAndGet(batch);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return result(texts.get(), begin, latencies);
    }

    static Result service(String base, String token, int words, int batch, int seconds) throws Exception {
        AtomicLong texts = new AtomicLong();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        long begin = System.nanoTime();
        long end = begin + seconds * 1_000_000_000L;
        String run = UUID.randomUUID().toString().substring(0, 6);
        // Enough clients to keep both inference workers busy: the service, not the client, is the limit.
        int clients = batch == 32 ? 4 : 8;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofVirtual().start(() -> {
                TestHttp http = new TestHttp(base);
                for (int i = 0; System.nanoTime() < end; i++) {
                    List<String> inputs = new ArrayList<>();
                    for (int j = 0; j < batch; j++) {
                        inputs.add(run + " " + text(client * 1_000_000 + i * batch + j, words));
                    }
                    long start = System.nanoTime();
                    TestHttp.Response response = http.post(
                            "/api/v1/predict", Map.of("inputs", inputs), TestHttp.bearer(token));
                    // A substring check, not a JSON parse: the client shares the 2 cores with the service.
                    if (response.status() != 200 || !response.body().contains("\"fallback\":false")) {
                        throw new IllegalStateException("predict answered " + response.body());
                    }
                    latencies.add((System.nanoTime() - start) / 1e6);
                    texts.addAndGet(batch);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return result(texts.get(), begin, latencies);
    }

    /** Texts per second of the whole run: from the start to the last request's answer. */
    static Result result(long texts, long startNanos, ConcurrentLinkedQueue<Double> latencies) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(
                texts / seconds,
                sorted.get(sorted.size() / 2),
                sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))));
    }

    /** A distinct recruitment-flavoured text of {@code words} words. */
    static String text(int seed, int words) {
        StringBuilder text = new StringBuilder("profile " + seed + ":");
        long x = seed * 2654435761L + 1;
        for (int i = 0; i < words; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            text.append(' ').append(WORDS[(int) Math.floorMod(x >>> 33, (long) WORDS.length)]);
        }
        return text.toString();
    }

    static String token(String gateway) {
        TestHttp http = new TestHttp(gateway);
        String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String password = "a long bench passphrase";
        http.post("/api/v1/users/register", Map.of("organization", "Bench", "name", "Ben Ch", "email", email, "password", password));
        return http.post("/api/v1/users/login", Map.of("email", email, "password", password))
                .json().get("access_token").asString();
    }

    static Path copy(String resource, Path dir) throws Exception {
        try (InputStream in = EmbeddingThroughput.class.getClassLoader().getResourceAsStream(resource)) {
            Path file = dir.resolve(resource);
            Files.copy(in, file);
            return file;
        }
    }
}
