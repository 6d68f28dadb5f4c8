import io.openhire.applications.ApplicationsConfiguration;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestServices;
import io.openhire.platform.test.TestTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The pipeline at scale, on the applications service itself (its HTTP API, its PostgreSQL schema and queries,
 * embedded PostgreSQL): N candidates and M applications over 200 jobs (five of them large), then candidate
 * searches of the kinds a recruiter types (a name prefix, a skill, words and a place, a tag, a job's stage) and
 * job boards, timed one at a time after a warm-up: p50, p95, p99, max.
 *
 * Candidates are synthetic (names, titles, skills and places drawn from fixed lists, as parsed resumes would
 * leave them): the point is the size of the tables and the selectivity of the filters, not the text.
 */
public class PipelineBench {

    static final String[] FIRST = ("Anna Ben Chen Dana Eve Farah Gita Hugo Ines Jonas Kofi Lena Mateo Nia Omar Priya "
                    + "Quinn Rosa Sven Tariq Uma Viktor Wen Ximena Yusuf Zoe Amara Lukas Sofia Wei Grace Daniel "
                    + "Priyanka Tom Elena Marcus Aisha Henrik Noor Jonah")
            .split(" ");
    static final String[] LAST = ("Schmidt Okafor Chen Levi Adams Haddad Rao Martin Garcia Weber Mensah Novak Rossi "
                    + "Khan Larsen Petrova Johnson Becker Marquez Thompson Okoye Brandt Kowalski Silva Tanaka "
                    + "Dubois Nguyen Ivanova Hughes Costa")
            .split(" ");
    static final String[] TITLES = ("Backend Engineer|Frontend Developer|Data Scientist|Registered Nurse|DevOps Engineer|"
                    + "Product Manager|Accountant|Sales Manager|Java Developer|QA Engineer|Data Engineer|"
                    + "Mobile Developer|UX Designer|Project Manager|Business Analyst|HR Specialist|"
                    + "Marketing Manager|Site Reliability Engineer|Machine Learning Engineer|Support Engineer")
            .split("\\|");
    static final String[] SKILLS = ("Java|Kotlin|Python|Go|Rust|C#|JavaScript|TypeScript|React|Angular|Vue.js|Node.js|"
                    + "Spring Boot|Django|PostgreSQL|MySQL|MongoDB|Redis|Apache Kafka|RabbitMQ|Docker|Kubernetes|"
                    + "Terraform|AWS|Azure|Google Cloud|Linux|Git|CI/CD|SQL|Pandas|PyTorch|TensorFlow|Scikit-learn|"
                    + "Excel|SAP|Salesforce|Figma|Scrum|Jira|Patient care|ICU|Phlebotomy|Accounting|IFRS|Tableau|"
                    + "Power BI|Spark|Airflow|GraphQL")
            .split("\\|");
    static final String[] CITIES = ("Berlin, DE|Munich, DE|Hamburg, DE|London, GB|Manchester, GB|Paris, FR|"
                    + "Amsterdam, NL|Madrid, ES|Lisbon, PT|Warsaw, PL|Austin, US|New York, US|Toronto, CA|"
                    + "Bengaluru, IN|Lagos, NG|Nairobi, KE|Sydney, AU|Tokyo, JP|Sao Paulo, BR|Dublin, IE")
            .split("\\|");
    static final String[] TAGS = {"Silver medallist", "Referral", "Relocation", "Top", "Contractor"};

    public static void main(String[] args) throws Exception {
        int candidates = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int applications = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Random random = new Random(17);
        try (TestTokens tokens = new TestTokens();
                TestServices.Running service =
                        TestServices.start("applications", ApplicationsConfiguration.class, tokens, Map.of())) {
            UUID org = UUID.randomUUID();
            String recruiter = tokens.token(UUID.randomUUID(), org, "RECRUITER");
            TestHttp http = new TestHttp(service.url());
            JdbcTemplate jdbc = service.context().getBean(JdbcTemplate.class);

            JsonNode stages = http.get("/api/v1/applications/stages", TestHttp.bearer(recruiter)).json().get("stages");
            List<UUID> stageIds = new ArrayList<>();
            stages.forEach(s -> stageIds.add(UUID.fromString(s.get("id").asString())));
            // Where applications are, roughly as in a real pipeline: most early or rejected.
            double[] stageWeights = {0.35, 0.15, 0.08, 0.02, 0.02, 0.35, 0.03};

            long seedStart = System.nanoTime();
            List<UUID> jobs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                UUID job = UUID.randomUUID();
                jobs.add(job);
                jdbc.update(
                        "INSERT INTO job (job_id, organization_id, revision, status, title, updated_at) VALUES (?, ?, 1, 'OPEN', ?, now())",
                        job, org, TITLES[i % TITLES.length] + " #" + i);
            }
            List<UUID> people = new ArrayList<>(candidates);
            List<Object[]> rows = new ArrayList<>();
            List<Object[]> tagRows = new ArrayList<>();
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < candidates; i++) {
                UUID id = UUID.randomUUID();
                people.add(id);
                String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
                String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + i + "@example.org";
                String title = TITLES[random.nextInt(TITLES.length)];
                String city = CITIES[random.nextInt(CITIES.length)];
                LinkedHashSet<String> skills = new LinkedHashSet<>();
                int n = 4 + random.nextInt(10);
                while (skills.size() < n) {
                    skills.add(SKILLS[random.nextInt(SKILLS.length)]);
                }
                String[] skillArray = skills.toArray(String[]::new);
                String[] keys = Arrays.stream(skillArray).map(s -> s.toLowerCase(Locale.ROOT)).toArray(String[]::new);
                String search = String.join(" ", name, email, email.replaceAll("[@.]", " "), title, city,
                        String.join(" ", skillArray));
                rows.add(new Object[] {id, org, name, email, city, title, title, skillArray, keys, new String[] {title},
                    search, now, now});
                if (random.nextDouble() < 0.1) {
                    tagRows.add(new Object[] {id, org, TAGS[random.nextInt(TAGS.length)]});
                }
                if (rows.size() == 2_000) {
                    insertCandidates(jdbc, rows);
                    rows.clear();
                }
            }
            insertCandidates(jdbc, rows);
            jdbc.batchUpdate("INSERT INTO candidate_tag (candidate_id, organization_id, tag) VALUES (?, ?, ?)", tagRows);

            // Five large jobs (1,000 each, as a popular public posting gets), the rest spread over 195.
            List<Object[]> apps = new ArrayList<>();
            LinkedHashSet<String> pairs = new LinkedHashSet<>();
            while (apps.size() < applications) {
                UUID job = apps.size() < Math.min(5_000, applications / 4)
                        ? jobs.get(apps.size() % 5)
                        : jobs.get(5 + random.nextInt(195));
                UUID person = people.get(random.nextInt(people.size()));
                if (!pairs.add(person + "/" + job)) {
                    continue;
                }
                double r = random.nextDouble();
                int stage = 0;
                for (double acc = stageWeights[0]; r > acc && stage < stageWeights.length - 1; ) {
                    acc += stageWeights[++stage];
                }
                Timestamp at = Timestamp.from(Instant.now().minusSeconds(random.nextInt(90 * 86_400)));
                apps.add(new Object[] {UUID.randomUUID(), org, person, job, "CAREER_SITE", stageIds.get(stage), at,
                    "user:bench", at});
                if (apps.size() % 2_000 == 0) {
                    insertApplications(jdbc, apps.subList(apps.size() - 2_000, apps.size()));
                }
            }
            insertApplications(jdbc, apps.subList(apps.size() - apps.size() % 2_000, apps.size()));
            jdbc.execute("ANALYZE");
            System.out.printf(Locale.ROOT, "Seeded %,d candidates (%,d tagged), %,d applications over %d jobs in %.1f s%n",
                    candidates, tagRows.size(), applications, jobs.size(), (System.nanoTime() - seedStart) / 1e9);

            List<Supplier<String>> kinds = List.of(
                    () -> "q=" + enc(FIRST[random.nextInt(FIRST.length)].substring(0, 3).toLowerCase(Locale.ROOT)),
                    () -> "skill=" + enc(SKILLS[random.nextInt(SKILLS.length)]),
                    () -> "q=" + enc(SKILLS[random.nextInt(SKILLS.length)].split("[ .#/]")[0] + " "
                            + CITIES[random.nextInt(CITIES.length)].split(",")[0]),
                    () -> "tag=" + enc(TAGS[random.nextInt(TAGS.length)]),
                    () -> "jobId=" + jobs.get(random.nextInt(jobs.size())) + "&stageId="
                            + stageIds.get(random.nextInt(stageIds.size())),
                    () -> "q=" + enc(FIRST[random.nextInt(FIRST.length)].toLowerCase(Locale.ROOT) + " "
                            + LAST[random.nextInt(LAST.length)].toLowerCase(Locale.ROOT)) + "&skill="
                            + enc(SKILLS[random.nextInt(SKILLS.length)]));
            String[] names = {"name prefix", "skill", "words + place", "tag", "job + stage", "name + skill"};
            for (int warm = 0; warm < 60; warm++) {
                http.get("/api/v1/candidates?" + kinds.get(warm % kinds.size()).get(), TestHttp.bearer(recruiter));
            }
            List<Double> all = new ArrayList<>();
            for (int k = 0; k < kinds.size(); k++) {
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < queries / kinds.size() + 1; i++) {
                    String query = "/api/v1/candidates?" + kinds.get(k).get();
                    long t = System.nanoTime();
                    TestHttp.Response found = http.get(query, TestHttp.bearer(recruiter));
                    times.add((System.nanoTime() - t) / 1e6);
                    if (found.status() != 200) {
                        throw new IllegalStateException(query + " → " + found.status() + " " + found.body());
                    }
                }
                all.addAll(times);
                report("search: " + names[k], times);
            }
            report("search: all kinds", all);

            for (int warm = 0; warm < 20; warm++) {
                http.get("/api/v1/applications/board?jobId=" + jobs.get(warm % 10), TestHttp.bearer(recruiter));
            }
            List<Double> large = new ArrayList<>();
            List<Double> small = new ArrayList<>();
            for (int i = 0; i < queries; i++) {
                UUID job = i % 2 == 0 ? jobs.get(i % 5) : jobs.get(5 + random.nextInt(195));
                long t = System.nanoTime();
                TestHttp.Response board = http.get("/api/v1/applications/board?jobId=" + job, TestHttp.bearer(recruiter));
                (i % 2 == 0 ? large : small).add((System.nanoTime() - t) / 1e6);
                if (board.status() != 200) {
                    throw new IllegalStateException("board → " + board.status());
                }
            }
            report("board: a job with ~1,000 applications", large);
            report("board: a job with ~75 applications", small);
        }
        System.exit(0);
    }

    static void insertCandidates(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate("""
                INSERT INTO candidate (id, organization_id, name, email, location, headline, current_title, skills,
                    skill_keys, titles, search, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, to_tsvector('simple', ?), ?, ?)
                """, rows);
    }

    static void insertApplications(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate("""
                INSERT INTO application (id, organization_id, candidate_id, job_id, source, stage_id, stage_entered_at,
                    created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static void report(String what, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%-42s n=%4d  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n",
                what, sorted.size(), at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.getLast());
    }

    static double at(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
