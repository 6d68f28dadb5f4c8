package io.openhire.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.openhire.platform.test.TestKafka;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * deploy/compose/docker-compose.yml's OpenHire services, each started as its own process from its {@code -app} jar
 * with the environment Compose gives its container: read from the Compose file itself, with the {@code .env} that
 * {@code deploy/kubernetes/create-secrets.sh --generate .env.example} writes, as deploy/README.md tells an operator.
 * So the test runs what Compose would run, and a variable the Compose file forgets fails here.
 *
 * <p>What a container has and a process on this machine has not is translated, and only that:
 *
 * <ul>
 *   <li>host names: an OpenHire service's name → localhost and a free port of its own; {@code postgres} → this
 *       machine's PostgreSQL (a database per service made for this run, the role {@code postgres}), {@code kafka} →
 *       the test's Kafka, {@code redis} → this machine's Redis (dropped when none runs), {@code minio} → the test's
 *       S3 server, Jaeger's OTLP endpoint → monitoring's own receiver (the same path);
 *   <li>volumes → directories under one temporary directory (a volume two services mount is one directory), and
 *       each container's own {@code /tmp} → a directory of its own;
 *   <li>{@code mem_limit} → {@code -Xmx}: the share of it {@code -XX:MaxRAMPercentage} gives the heap in the
 *       container.
 * </ul>
 *
 * A service starts once the OpenHire services of its {@code depends_on} are ready, and is ready when its
 * healthcheck's URL answers 200 within the healthcheck's {@code start_period}.
 */
final class ComposeOnThisMachine implements AutoCloseable {

    static final Path ROOT = Path.of(System.getProperty("openhire.root", "../.."))
            .toAbsolutePath()
            .normalize();
    static final Path COMPOSE_FILE = ROOT.resolve("deploy/compose/docker-compose.yml");
    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    /** The flags the images run with (the root pom's Jib jvmFlags). */
    static final List<String> IMAGE_JVM_FLAGS = List.of(
            "--sun-misc-unsafe-memory-access=allow",
            "--add-modules=jdk.incubator.vector",
            "--enable-native-access=ALL-UNNAMED");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::([?-])([^}]*))?}");
    private static final Pattern HOST_PORT = Pattern.compile("(?<![\\w.@-])([a-z][a-z0-9-]*):(\\d+)");
    private static final Pattern DATABASE = Pattern.compile("jdbc:postgresql://postgres:5432/(\\w+)");
    private static final Pattern READINESS = Pattern.compile("http://localhost:(\\d+)(/\\S*)");

    /** One OpenHire service of the Compose file, its environment as Compose would set it (.env substituted). */
    record Service(
            String name,
            String readinessPath,
            Map<String, String> environment,
            List<String> dependsOn,
            Map<String, String> volumes,
            Duration startPeriod) {}

    /** The infrastructure this machine or the test provides, in place of Compose's containers. */
    record Infrastructure(String kafkaBootstrap, int s3Port, boolean redis) {}

    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, Integer> hostPorts = new LinkedHashMap<>();
    private final Map<String, String> dotEnv;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> databases = new LinkedHashMap<>();
    private final Path workDirectory;
    private final Path logDirectory;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Path> logs = new LinkedHashMap<>();
    private final Set<String> ready = new LinkedHashSet<>();
    private final Map<String, Duration> startTimes = new LinkedHashMap<>();
    private S3Proxy s3;
    private GreenMail mail;

    private ComposeOnThisMachine(Map<String, String> dotEnv, Path logDirectory) throws IOException {
        this.dotEnv = dotEnv;
        this.logDirectory = logDirectory;
        this.workDirectory = Files.createTempDirectory("openhire-compose-");
        Files.createDirectories(logDirectory);
    }

    /**
     * The Compose file read, a free port chosen for every OpenHire service, and a fresh {@code .env} generated from
     * {@code .env.example}. Change {@link #dotEnv()} as an operator edits {@code .env}, then {@link #start}.
     */
    static ComposeOnThisMachine read(Path logDirectory) throws IOException, InterruptedException {
        ComposeOnThisMachine compose = new ComposeOnThisMachine(generatedDotEnv(), logDirectory);
        for (String name : openHireServiceNames()) {
            compose.hostPorts.put(name, freePort());
        }
        return compose;
    }

    /** {@code .env} as an operator makes it: {@code create-secrets.sh --generate .env.example}. */
    static Map<String, String> generatedDotEnv() throws IOException, InterruptedException {
        Process script = new ProcessBuilder(
                        "bash",
                        ROOT.resolve("deploy/kubernetes/create-secrets.sh").toString(),
                        "--generate",
                        ROOT.resolve("deploy/compose/.env.example").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor()).as("create-secrets.sh --generate").isZero();
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0) {
                env.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return env;
    }

    Map<String, String> dotEnv() {
        return dotEnv;
    }

    Set<String> serviceNames() {
        return hostPorts.keySet();
    }

    int port(String service) {
        return hostPorts.get(service);
    }

    String url(String service) {
        return "http://localhost:" + port(service);
    }

    /** This run's name of a database the Compose file names (its services' {@code jdbc:postgresql://postgres/…}). */
    String database(String composeName) {
        return databases.get(composeName);
    }

    /** How long each service took from its start to its readiness. */
    Map<String, Duration> startTimes() {
        return startTimes;
    }

    /**
     * The stand-ins for Compose's containers started — S3Proxy for MinIO (MinIO's root user from .env as its key),
     * GreenMail for Mailpit (.env's SMTP relay pointed at it, as an operator points it at theirs), the test's Kafka,
     * this machine's Redis if it runs one — then every OpenHire service.
     */
    void start() throws Exception {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        dotEnv.put("OPENHIRE_SMTP_HOST", "127.0.0.1");
        dotEnv.put("OPENHIRE_SMTP_PORT", String.valueOf(mail.getSmtp().getPort()));
        s3 = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(
                        AuthenticationType.AWS_V2_OR_V4,
                        dotEnv.get("MINIO_ROOT_USER"),
                        dotEnv.get("MINIO_ROOT_PASSWORD"))
                .build();
        s3.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> "STARTED".equals(s3.getState()));
        start(new Infrastructure(TestKafka.bootstrapServers(), s3.getPort(), listening(6379)));
    }

    /** Where the S3 store standing in for MinIO listens. */
    int s3Port() {
        return s3.getPort();
    }

    /** Every OpenHire service started, each once the ones it depends on are ready; returns when all are. */
    void start(Infrastructure infrastructure) throws Exception {
        Map<String, Object> compose = load();
        for (String name : serviceNames()) {
            services.put(name, service(name, serviceMap(compose, name), infrastructure));
        }
        createDatabases();
        Map<String, Instant> started = new LinkedHashMap<>();
        Duration longest = services.values().stream()
                .map(Service::startPeriod)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        Instant deadline = Instant.now().plus(longest).plus(Duration.ofMinutes(2));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (ready.size() < services.size()) {
            for (Service service : services.values()) {
                if (!processes.containsKey(service.name()) && ready.containsAll(service.dependsOn())) {
                    launch(service);
                    started.put(service.name(), Instant.now());
                }
            }
            for (Service service : services.values()) {
                Process process = processes.get(service.name());
                if (process == null || ready.contains(service.name())) {
                    continue;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("the " + service.name()
                            + " process exited during start-up; its log ends:\n" + tail(service.name(), 80));
                }
                if (answers(http, service)) {
                    ready.add(service.name());
                    startTimes.put(service.name(), Duration.between(started.get(service.name()), Instant.now()));
                } else if (Instant.now().isAfter(started.get(service.name()).plus(service.startPeriod()))
                        || Instant.now().isAfter(deadline)) {
                    throw new AssertionError(service.name() + " was not ready within its start_period ("
                            + service.startPeriod().toSeconds() + " s); its log ends:\n" + tail(service.name(), 80));
                }
            }
            Thread.sleep(500);
        }
    }

    private static Map<String, Object> load() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(200);
        Map<String, Object> compose = new Yaml(new SafeConstructor(options)).load(Files.readString(COMPOSE_FILE));
        return compose;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> serviceMap(Map<String, Object> compose, String name) {
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    /** The services Compose runs from OpenHire's images (the others are infrastructure this machine stands in for). */
    @SuppressWarnings("unchecked")
    static List<String> openHireServiceNames() throws IOException {
        Map<String, Object> services = (Map<String, Object>) load().get("services");
        return services.entrySet().stream()
                .filter(e -> String.valueOf(((Map<String, Object>) e.getValue()).get("image"))
                        .contains("OPENHIRE_IMAGE_PREFIX"))
                .map(Map.Entry::getKey)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private Service service(String name, Map<String, Object> definition, Infrastructure infrastructure) {
        List<String> check = (List<String>) ((Map<String, Object>) definition.get("healthcheck")).get("test");
        Matcher readiness = READINESS.matcher(String.join(" ", check));
        assertThat(readiness.find())
                .as("%s's healthcheck asks a localhost URL", name)
                .isTrue();
        int containerPort = Integer.parseInt(readiness.group(1));
        Duration startPeriod =
                duration(String.valueOf(((Map<String, Object>) definition.get("healthcheck")).get("start_period")));

        Map<String, String> volumes = new LinkedHashMap<>();
        for (Object volume : (List<Object>) definition.getOrDefault("volumes", List.of())) {
            String[] parts = String.valueOf(volume).split(":");
            volumes.put(parts[0], parts[1]);
        }
        Path ownTmp = workDirectory.resolve(name).resolve("tmp");
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map.Entry<String, Object> variable : ((Map<String, Object>) definition.get("environment")).entrySet()) {
            String value = substitute(String.valueOf(variable.getValue()), name + "." + variable.getKey());
            value = onThisMachine(value, infrastructure);
            if (value == null) {
                continue; // Redis, where this machine runs none: the services keep their budgets in memory
            }
            if (variable.getKey().endsWith("_PORT") && value.equals(String.valueOf(containerPort))) {
                value = String.valueOf(port(name));
            }
            for (Map.Entry<String, String> volume : volumes.entrySet()) {
                if (value.startsWith(volume.getValue())) {
                    value = workDirectory.resolve("volumes").resolve(volume.getKey())
                            + value.substring(volume.getValue().length());
                }
            }
            value = value.replaceAll("(?<=^|[=\\s])/tmp(?=/|\\s|$)", Matcher.quoteReplacement(ownTmp.toString()));
            environment.put(variable.getKey(), value);
        }
        long memoryLimitMb = megabytes(String.valueOf(definition.get("mem_limit")));
        environment.put(
                "JAVA_TOOL_OPTIONS",
                heapFromLimit(environment.get("JAVA_TOOL_OPTIONS"), memoryLimitMb) + " -Djava.io.tmpdir=" + ownTmp);
        List<String> dependsOn = new ArrayList<>();
        Object depends = definition.get("depends_on");
        if (depends instanceof Map<?, ?> map) {
            map.keySet().stream()
                    .map(String::valueOf)
                    .filter(hostPorts::containsKey)
                    .forEach(dependsOn::add);
        }
        return new Service(name, readiness.group(2), environment, dependsOn, volumes, startPeriod);
    }

    /** {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR:?message}} and {@code $$}, as Compose reads them. */
    String substitute(String value, String where) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String set = dotEnv.get(m.group(1));
            String replacement;
            if (set != null && !set.isEmpty()) {
                replacement = set;
            } else if ("?".equals(m.group(2))) {
                throw new AssertionError(where + ": .env sets no " + m.group(1) + " (" + m.group(3) + ")");
            } else {
                replacement = m.group(3) == null ? "" : m.group(3);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().replace("$$", "$");
    }

    /** Compose's host names as this machine has them; null for a value that names what is not here (Redis). */
    private String onThisMachine(String value, Infrastructure infrastructure) {
        Matcher database = DATABASE.matcher(value);
        while (database.find()) {
            databases.computeIfAbsent(database.group(1), db -> "openhire_" + db + "_it_" + suffix);
        }
        value = DATABASE.matcher(value).replaceAll(m -> "jdbc:postgresql://postgres:5432/" + databases.get(m.group(1)));
        Matcher hostPort = HOST_PORT.matcher(value);
        StringBuilder out = new StringBuilder();
        while (hostPort.find()) {
            String host = hostPort.group(1);
            String replacement;
            if (hostPorts.containsKey(host)) {
                replacement = "localhost:" + hostPorts.get(host);
            } else if (host.equals("localhost")) {
                replacement = hostPort.group(); // .env's own (OPENHIRE_PUBLIC_URL)
            } else {
                replacement = switch (host + ":" + hostPort.group(2)) {
                    case "postgres:5432" -> "127.0.0.1:5432";
                    case "kafka:9092" -> infrastructure.kafkaBootstrap();
                    case "minio:9000" -> "127.0.0.1:" + infrastructure.s3Port();
                    // the all-in-one's OTLP receiver, at the path Jaeger's has
                    case "jaeger:4318" -> "localhost:" + hostPorts.get("monitoring");
                    case "redis:6379" -> infrastructure.redis() ? "127.0.0.1:6379" : null;
                    default ->
                        throw new AssertionError("the Compose file names " + hostPort.group()
                                + ", which this test does not stand in for");
                };
                if (replacement == null) {
                    return null;
                }
            }
            hostPort.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        hostPort.appendTail(out);
        // the role Compose's PostgreSQL makes for OpenHire is this machine's superuser (trust authentication)
        return "openhire".equals(out.toString()) ? "postgres" : out.toString();
    }

    /** In the container the heap is MaxRAMPercentage of mem_limit: the same number, given as -Xmx. */
    static String heapFromLimit(String javaToolOptions, long memoryLimitMb) {
        Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(javaToolOptions);
        assertThat(percentage.find())
                .as("JAVA_TOOL_OPTIONS sets MaxRAMPercentage")
                .isTrue();
        long heap = memoryLimitMb * Integer.parseInt(percentage.group(1)) / 100;
        return percentage.replaceFirst("-Xmx" + heap + "m");
    }

    static long megabytes(String limit) {
        String l = limit.toLowerCase(Locale.ROOT);
        long number = Long.parseLong(l.replaceAll("[^0-9]", ""));
        return l.endsWith("g") ? number * 1024 : number;
    }

    static Duration duration(String compose) {
        Matcher m = Pattern.compile("(\\d+)(s|m)").matcher(compose);
        assertThat(m.matches()).as("a duration like 300s: " + compose).isTrue();
        return m.group(2).equals("m")
                ? Duration.ofMinutes(Long.parseLong(m.group(1)))
                : Duration.ofSeconds(Long.parseLong(m.group(1)));
    }

    private void createDatabases() throws SQLException {
        try (Connection c = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            for (String database : databases.values()) {
                s.execute("CREATE DATABASE " + database);
            }
        }
    }

    private void launch(Service service) throws IOException {
        File jar = ROOT.resolve("services")
                .resolve(service.name())
                .resolve(service.name() + "-app/target/" + service.name() + "-app-"
                        + System.getProperty("openhire.version") + ".jar")
                .toFile();
        assertThat(jar)
                .as("the %s -app jar (built by mvn package)", service.name())
                .exists();
        for (String volume : service.volumes().keySet()) {
            Files.createDirectories(workDirectory.resolve("volumes").resolve(volume));
        }
        Files.createDirectories(workDirectory.resolve(service.name()).resolve("tmp"));
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(IMAGE_JVM_FLAGS);
        // Not the images' choice: on CI's two cores nineteen JVMs start together, and C1 alone starts them sooner.
        if (Boolean.getBoolean("openhire.distributed.quick-jit")) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.add("-jar");
        command.add(jar.toString());
        Path log = logDirectory.resolve(service.name() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDirectory.resolve(service.name()).toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // A container sees its own environment only.
        String path = builder.environment().get("PATH");
        builder.environment().clear();
        builder.environment().put("PATH", path);
        builder.environment().putAll(service.environment());
        processes.put(service.name(), builder.start());
        logs.put(service.name(), log);
    }

    private boolean answers(HttpClient http, Service service) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(url(service.name()) + service.readinessPath()))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String tail(String service, int lines) {
        Path log = logs.get(service);
        if (log == null) {
            return "(not started)";
        }
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** The services stopped as Compose stops them (a TERM, then a kill after the grace period), their data gone. */
    @Override
    public void close() throws Exception {
        List<String> names = new ArrayList<>(processes.keySet());
        java.util.Collections.reverse(names);
        for (String name : names) {
            processes.get(name).destroy();
        }
        for (String name : names) {
            Process process = processes.get(name);
            if (!process.waitFor(45, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (s3 != null) {
            s3.stop();
        }
        if (mail != null) {
            mail.stop();
        }
        if (!databases.isEmpty()) {
            try (Connection c = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
                    Statement s = c.createStatement()) {
                for (String database : databases.values()) {
                    s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
            }
        }
        try (Stream<Path> files = Files.walk(workDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
