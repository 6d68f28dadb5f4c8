import io.openhire.platform.test.TestDocuments;
import io.openhire.platform.test.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * End-to-end resume throughput of a running platform: upload N distinct resumes through the gateway
 * and time until every one is PARSED (resume-ingestion saw resume-processing's resume.parsed.v1).
 * Run by bench/resume-throughput.sh.
 */
public class ResumeThroughput {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        TestHttp http = new TestHttp(base);
        String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String password = "a long bench passphrase";
        http.post("/api/v1/users/register", Map.of("organization", "Bench", "name", "Ben Ch", "email", email, "password", password));
        String token = http.post("/api/v1/users/login", Map.of("email", email, "password", password))
                .json().get("access_token").asString();
        String[] auth = TestHttp.bearer(token);

        for (String format : List.of("pdf", "docx")) {
            List<byte[]> documents = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<String> lines = resume(i);
                documents.add(format.equals("pdf") ? TestDocuments.pdf(lines) : TestDocuments.docx(lines));
            }
            int before = total(http, auth, null);
            long t0 = System.nanoTime();
            List<String> ids = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                List<Future<String>> uploads = new ArrayList<>();
                for (byte[] document : documents) {
                    uploads.add(pool.submit(() -> http.postMultipart(
                                    "/api/v1/resumes/upload", "file", "cv." + format, "application/octet-stream", document, Map.of(), auth)
                            .json().get("id").asString()));
                }
                for (Future<String> upload : uploads) {
                    ids.add(upload.get());
                }
            }
            long uploaded = System.nanoTime();
            int done;
            do {
                Thread.sleep(200);
                done = total(http, auth, "PARSED") + total(http, auth, "FAILED") + total(http, auth, "NEEDS_OCR") - before;
            } while (done < n);
            long t1 = System.nanoTime();
            double seconds = (t1 - t0) / 1e9;
            double uploadSeconds = (uploaded - t0) / 1e9;
            long parseMillis = 0;
            int sampled = 0;
            for (String id : ids.subList(0, Math.min(50, ids.size()))) {
                parseMillis += http.get("/api/v1/resumes/" + id + "/profile", auth).json().get("parseMillis").asLong();
                sampled++;
            }
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(
                    "%s: %d resumes uploaded in %.1f s (%.1f/s), all parsed after %.1f s: %.1f resumes/s end to end, %.1f per core (%d cores shared by the platform and this client); resume-processing spent %.1f ms per resume (storage read + text + parse)%n",
                    format.toUpperCase(), n, uploadSeconds, n / uploadSeconds, seconds, n / seconds, n / seconds / cores, cores,
                    (double) parseMillis / sampled);
        }
    }

    static int total(TestHttp http, String[] auth, String status) {
        String query = status == null ? "" : "&status=" + status;
        return http.get("/api/v1/resumes?size=1" + query, auth).json().get("total").asInt();
    }

    static List<String> resume(int i) {
        String[] names = {"Ana Silva", "Ben Okafor", "Chen Wei", "Dana Cohen", "Eli Novak", "Fatima Khan", "Gus Berg"};
        String[] titles = {"Backend Engineer", "Data Analyst", "Account Manager", "Nurse", "Accountant", "DevOps Engineer"};
        String name = names[i % names.length];
        String title = titles[i % titles.length];
        return List.of(
                name,
                title,
                "Austin, TX | " + name.toLowerCase().replace(' ', '.') + i + "@example.test | (512) 555-01" + String.format("%02d", i % 100),
                "SUMMARY",
                title + " with " + (3 + i % 12) + " years of experience in fast-growing teams.",
                "EXPERIENCE",
                "Senior " + title,
                "Initech Inc - Austin, TX",
                "March 2020 to Present",
                "• Cut processing time by 35% by automating reports with SQL and Python.",
                "• Led a team of 6 and trained 20 new colleagues.",
                title,
                "Globex Corporation - Dallas, TX",
                "June 2015 to February 2020",
                "• Managed 120 client accounts worth $4M a year.",
                "EDUCATION",
                "Bachelor of Science in Business Administration",
                "University of Texas at Austin",
                "2015",
                "SKILLS",
                "SQL, Python, Excel, Tableau, Kubernetes, Salesforce, communication",
                "Reference " + i + " " + UUID.randomUUID());
    }
}
