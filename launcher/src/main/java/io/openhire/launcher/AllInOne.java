package io.openhire.launcher;

import io.openhire.applications.ApplicationsConfiguration;
import io.openhire.audit.AuditConfiguration;
import io.openhire.communication.CommunicationConfiguration;
import io.openhire.dashboard.DashboardConfiguration;
import io.openhire.gateway.GatewayConfiguration;
import io.openhire.identity.IdentityConfiguration;
import io.openhire.jobingestion.JobIngestionConfiguration;
import io.openhire.jobprocessing.JobProcessingConfiguration;
import io.openhire.launcher.demo.DemoData;
import io.openhire.launcher.demo.DemoPipeline;
import io.openhire.matching.MatchingConfiguration;
import io.openhire.modelregistry.ModelRegistryConfiguration;
import io.openhire.modelserving.ModelServingConfiguration;
import io.openhire.monitoring.MonitoringConfiguration;
import io.openhire.notification.NotificationConfiguration;
import io.openhire.platform.web.RequestIdFilter;
import io.openhire.privacy.PrivacyConfiguration;
import io.openhire.resumeingestion.ResumeIngestionConfiguration;
import io.openhire.resumeprocessing.ResumeProcessingConfiguration;
import io.openhire.security.SecurityConfiguration;
import io.openhire.storage.StorageConfiguration;
import io.openhire.training.TrainingConfiguration;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The all-in-one OpenHire: every service in one JVM, each in its own Spring application context on its
 * own port, on an embedded PostgreSQL and Kafka, with data kept under one directory.
 *
 * <p>To add a service: one line in {@link #SERVICES}, and its module as a dependency in the pom. The services
 * start together and stop in the reverse of that list ({@link OrderedStop}): a service comes after those it calls.
 */
public final class AllInOne {

    /** The password of communication's replies mailbox on the embedded mail server. */
    static final String MAIL_REPLIES_SECRET = "mail-replies.secret";

    static final List<ServiceModule> SERVICES = List.of(
            ServiceModule.withDatabase("identity", IdentityConfiguration.class)
                    .part(ServiceModule.Part.TOKEN_ISSUER)
                    .secret("openhire.identity.keys.master-key", "identity-master.key"),
            ServiceModule.withDatabase("storage", StorageConfiguration.class)
                    .secret("openhire.storage.encryption-key", "storage-encryption.key")
                    .directory("openhire.storage.filesystem.root", "objects")
                    // the nightly backups: every database, the objects and the key files, under <data>/backups
                    .backsUpThePlatform(),
            // every service writes to the audit log through its outbox: it stops after them (this list, reversed)
            ServiceModule.withDatabase("audit", AuditConfiguration.class),
            // every service reports its errors to monitoring: it stops after them too
            ServiceModule.withDatabase("monitoring", MonitoringConfiguration.class)
                    // a trace's log lines are read from the all-in-one's log file
                    .directory("openhire.monitoring.log-dir", "logs"),
            ServiceModule.withDatabase("privacy", PrivacyConfiguration.class)
                    .secret("openhire.privacy.key", "privacy.key")
                    // completed erasures, beside the backups: a restore files them again (./openhire restore)
                    .directory("openhire.privacy.erasure-ledger", "backups/" + RestoreCommand.ERASURE_LEDGER),
            // envelope encryption and threat detection from the audit stream; its key-encryption key is a file here
            ServiceModule.withDatabase("security", SecurityConfiguration.class)
                    .secret("openhire.keys.kek", "security-kek.key"),
            ServiceModule.withDatabase("resume-ingestion", ResumeIngestionConfiguration.class)
                    .secret("openhire.resume-ingestion.mailbox-key", "resume-ingestion-mailbox.key"),
            ServiceModule.withDatabase("resume-processing", ResumeProcessingConfiguration.class),
            ServiceModule.withDatabase("job-ingestion", JobIngestionConfiguration.class)
                    .secret("openhire.job-ingestion.credentials-key", "job-source-credentials.key"),
            ServiceModule.withDatabase("job-processing", JobProcessingConfiguration.class),
            ServiceModule.withDatabase("model-registry", ModelRegistryConfiguration.class)
                    .directory("openhire.model-registry.work-dir", "model-registry"),
            ServiceModule.stateless("model-serving", ModelServingConfiguration.class)
                    .directory("openhire.model-serving.model-dir", "models"),
            ServiceModule.withDatabase("training", TrainingConfiguration.class),
            ServiceModule.withDatabase("matching", MatchingConfiguration.class)
                    .directory("openhire.matching.index-dir", "matching-index"),
            ServiceModule.withDatabase("communication", CommunicationConfiguration.class)
                    .secret("openhire.communication.key", "communication.key")
                    .secret("openhire.communication.mail.imap-password", MAIL_REPLIES_SECRET),
            ServiceModule.withDatabase("notification", NotificationConfiguration.class),
            ServiceModule.withDatabase("applications", ApplicationsConfiguration.class),
            ServiceModule.stateless("dashboard", DashboardConfiguration.class)
                    .part(ServiceModule.Part.USER_FACING)
                    // its Mail page reads and answers the embedded mail server's mailboxes
                    .setting("openhire.dashboard.local-mail.imap-host", AllInOne.LOOPBACK)
                    .setting("openhire.dashboard.local-mail.imap-port", String.valueOf(EmbeddedMailServer.IMAP_PORT))
                    .setting("openhire.dashboard.local-mail.smtp-host", AllInOne.LOOPBACK)
                    .setting("openhire.dashboard.local-mail.smtp-port", String.valueOf(EmbeddedMailServer.SMTP_PORT)),
            ServiceModule.stateless("gateway", GatewayConfiguration.class).part(ServiceModule.Part.EDGE));

    static final String PUBLIC_URL = "http://localhost:8080";

    static final String DEMO_ADMIN_EMAIL = "admin@demo.openhire.dev";

    /** The demo hiring client's user (role CLIENT, the demo password): sees its shortlist at /client. */
    static final String DEMO_CLIENT_EMAIL = "client@demo.openhire.dev";
    /** Every service but the gateway listens here only: the gateway is the one way in (rate limits, checks). */
    static final String LOOPBACK = "127.0.0.1";

    private final Path dataDir;
    private final boolean seedDemo;
    private final String bindAddress;
    private final PrintStream out;
    private final EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure();
    private final List<ConfigurableApplicationContext> running = Collections.synchronizedList(new ArrayList<>());
    /** The embedded PostgreSQL's JDBC URL without a database ("jdbc:postgresql://localhost:5xxxx/"), once started. */
    private volatile String jdbcBase;

    AllInOne(Path dataDir, boolean seedDemo, PrintStream out) {
        this(dataDir, seedDemo, LOOPBACK, out);
    }

    /** @param bindAddress where the gateway listens (loopback unless told otherwise) */
    AllInOne(Path dataDir, boolean seedDemo, String bindAddress, PrintStream out) {
        this.dataDir = dataDir;
        this.seedDemo = seedDemo;
        this.bindAddress = bindAddress;
        this.out = out;
    }

    /** Where the services' databases are (user postgres): for tests that look into every service's tables. */
    String jdbcBase() {
        return jdbcBase;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("restore")) {
            RestoreCommand.Options restore;
            try {
                restore = RestoreCommand.Options.parse(args);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                System.exit(2);
                return;
            }
            System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
            System.setProperty(
                    "openhire.logs", restore.dataDir().resolve("logs").toString());
            System.exit(RestoreCommand.run(restore, System.out));
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // One logging configuration for the whole JVM (launcher/src/main/resources/logback.xml): Spring
        // Boot's logging system is JVM-global and misbehaves when many contexts start at once.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        System.setProperty("openhire.logs", options.dataDir().resolve("logs").toString());
        LoggerFactory.getILoggerFactory(); // initialise logging once, before threads race to do it
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();

        AllInOne platform = new AllInOne(options.dataDir(), options.seedDemo(), options.bindAddress(), System.out);
        stopOnSignals(platform);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "openhire-shutdown"));
        if (!platform.start()) {
            System.exit(1);
        }
        if (options.stopWhenRunning()) {
            // The start-up cache's training run (./openhire): a whole start, then a normal stop and exit.
            platform.stop();
            System.exit(0);
        }
        Thread.currentThread().join();
    }

    /**
     * Ctrl-C, kill and a closed terminal stop the platform in order first, and only then exit the JVM. Left to
     * the JVM, a signal runs every shutdown hook at once, libraries' hooks too: ONNX Runtime's frees its native
     * environment while model-serving is still computing embeddings (a crash, SIGSEGV, at every second stop
     * during a burst). A second Ctrl-C while stopping ends the JVM at once (the next start recovers).
     */
    private static void stopOnSignals(AllInOne platform) {
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    if (stopping.getAndSet(true)) {
                        platform.out.println("  Stopping at once (the next start recovers what was left).");
                        Runtime.getRuntime().halt(128 + signal.getNumber());
                    }
                    platform.stop();
                    System.exit(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException e) {
                // this signal is taken (java -Xrs) or ignored (nohup): the shutdown hook stops the platform then
            }
        }
    }

    /** @param stopWhenRunning stop as soon as everything has started (the start-up cache's training run) */
    record Options(Path dataDir, boolean seedDemo, String bindAddress, boolean stopWhenRunning) {
        static Options parse(String[] args) {
            Path dataDir = Path.of(System.getenv().getOrDefault("OPENHIRE_DATA_DIR", "openhire-data"));
            boolean demo = !"false".equalsIgnoreCase(System.getenv().getOrDefault("OPENHIRE_DEMO", "true"));
            String bind = System.getenv().getOrDefault("OPENHIRE_BIND_ADDRESS", LOOPBACK);
            boolean stopWhenRunning = false;
            for (String arg : args) {
                if (arg.startsWith("--data-dir=")) {
                    dataDir = Path.of(arg.substring("--data-dir=".length()));
                } else if (arg.equals("--no-demo")) {
                    demo = false;
                } else if (arg.startsWith("--bind=")) {
                    bind = arg.substring("--bind=".length());
                } else if (arg.equals("--stop-when-running")) {
                    stopWhenRunning = true;
                } else if (!arg.equals("start")) {
                    throw new IllegalArgumentException(
                            "Unknown option " + arg + " (known: start, --data-dir=DIR, --no-demo, --bind=ADDRESS)");
                }
            }
            return new Options(dataDir.toAbsolutePath().normalize(), demo, bind, stopWhenRunning);
        }
    }

    /** Starts everything; returns false (having stopped what did start) if any service failed. */
    boolean start() throws Exception {
        long t0 = System.nanoTime();
        Files.createDirectories(dataDir);
        out.println("OpenHire all-in-one. Data: " + dataDir);
        try {
            lock = DataDirectoryLock.acquire(dataDir);
        } catch (DataDirectoryLock.HeldElsewhere e) {
            out.println("  ✗ " + e.getMessage());
            return false;
        }

        // PostgreSQL and Kafka start side by side. The services wait for PostgreSQL (their migrations), not for
        // Kafka: its address is known before it runs and its clients connect once it answers, so the services
        // start while it does (after a crash, while it recovers its log). "Running" waits for both.
        long t = System.nanoTime();
        String kafka;
        try {
            kafka = infrastructure.prepareKafka(dataDir);
        } catch (Exception e) {
            out.printf("  ✗ %-17s FAILED: %s%n", "kafka", explain(e));
            stop();
            return false;
        }
        // A thread of our own, not the common pool: it inherits the launcher's class loader, which
        // Kafka uses to load its classes.
        ExecutorService kafkaStarter = Executors.newSingleThreadExecutor(r -> new Thread(r, "kafka-start"));
        CompletableFuture<Void> kafkaStart = CompletableFuture.runAsync(
                () -> {
                    try {
                        infrastructure.awaitKafka();
                    } catch (Exception e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                    out.printf("  %-19s single node (KRaft) at %s, ready in %s%n", "kafka", kafka, since(t));
                },
                kafkaStarter);
        kafkaStarter.shutdown();
        List<String> databases = SERVICES.stream()
                .filter(ServiceModule::database)
                .map(ServiceModule::name)
                .toList();
        try {
            jdbcBase = infrastructure.startPostgres(dataDir, databases);
            out.printf("  %-19s embedded, %d database(s), ready in %s%n", "postgresql", databases.size(), since(t));
        } catch (Exception e) {
            out.printf("  ✗ %-17s FAILED: %s%n", "postgresql", explain(e));
            stop();
            return false;
        }

        try {
            mailServer.start(secret(MAIL_REPLIES_SECRET, 32));
            out.printf(
                    "  %-19s SMTP localhost:%d, IMAP localhost:%d (sign in with an address as user and password)%n",
                    "mail", EmbeddedMailServer.SMTP_PORT, EmbeddedMailServer.IMAP_PORT);
        } catch (RuntimeException e) {
            out.printf("  ✗ %-17s FAILED: %s%n", "mail", explain(e));
            stop();
            return false;
        }

        Map<String, String> shared = new LinkedHashMap<>();
        shared.put("spring.kafka.bootstrap-servers", kafka);
        shared.put("openhire.security.issuer", PUBLIC_URL);
        // Every service's spans to the monitoring service's OTLP receiver (distributed mode: to Jaeger), each
        // request traced unless told otherwise: the trace an error report names must be there to open.
        shared.put("openhire.traces.export", "true");
        shared.put("openhire.traces.endpoint", "http://" + LOOPBACK + ":8009/v1/traces");
        shared.put(
                "management.tracing.sampling.probability",
                System.getenv().getOrDefault("OPENHIRE_TRACE_SAMPLING", "1.0"));

        // Each service's own credentials for acting without a user (identity checks them).
        Map<String, String> serviceSecrets = new LinkedHashMap<>();
        for (ServiceModule service : SERVICES) {
            if (service.hasServiceAccount()) {
                serviceSecrets.put(service.name(), secret("service-" + service.name() + ".secret", 32));
            }
        }

        String demoPassword = seedDemo ? demoAdminPassword() : null;

        ExecutorService starters = Executors.newFixedThreadPool(SERVICES.size());
        Map<ServiceModule, CompletableFuture<ConfigurableApplicationContext>> starts = new LinkedHashMap<>();
        for (ServiceModule service : SERVICES) {
            Map<String, String> settings = new LinkedHashMap<>(shared);
            settings.put("spring.application.name", service.name());
            // Only the gateway can be reached from other machines (and only when told to): the services
            // behind it have no rate limits of their own and trust the gateway's checks.
            settings.put("server.address", service.part() == ServiceModule.Part.EDGE ? bindAddress : LOOPBACK);
            settings.put(
                    "server.tomcat.basedir",
                    dataDir.resolve("tomcat").resolve(service.name()).toString());
            // A stop waits this long for requests in flight (an open event stream never ends by itself).
            settings.put("spring.lifecycle.timeout-per-shutdown-phase", "3s");
            if (service.database()) {
                settings.put("spring.datasource.url", jdbcBase + service.name().replace("-", "_"));
                settings.put("spring.datasource.username", "postgres");
            }
            // Secrets go only to the service that needs them.
            for (Map.Entry<String, String> secret : service.secrets().entrySet()) {
                settings.put(secret.getKey(), secret(secret.getValue(), 32));
            }
            if (service.backsUp()) {
                backupSettings(settings);
            }
            if (serviceSecrets.containsKey(service.name())) {
                settings.put("openhire.service-account.secret", serviceSecrets.get(service.name()));
            }
            if (service.part() == ServiceModule.Part.TOKEN_ISSUER) {
                serviceSecrets.forEach(
                        (name, secret) -> settings.put("openhire.identity.service-accounts." + name, secret));
                settings.put(
                        "openhire.identity.platform-operators",
                        System.getenv().getOrDefault("OPENHIRE_PLATFORM_OPERATORS", ""));
                if (demoPassword != null) {
                    // identity creates the demo admin itself, before its port opens, as the first platform
                    // operator: nobody can sign up with the address first and take the role.
                    settings.put("openhire.identity.bootstrap-operator.email", DEMO_ADMIN_EMAIL);
                    settings.put("openhire.identity.bootstrap-operator.password", demoPassword);
                    settings.put("openhire.identity.bootstrap-operator.name", "Demo Admin");
                    settings.put("openhire.identity.bootstrap-operator.organization", "OpenHire Demo Agency");
                }
            }
            settings.putAll(service.settings());
            for (Map.Entry<String, String> directory : service.directories().entrySet()) {
                settings.put(
                        directory.getKey(),
                        dataDir.resolve(directory.getValue()).toString());
            }
            starts.put(service, CompletableFuture.supplyAsync(() -> startService(service, settings), starters));
        }

        boolean allUp = true;
        for (Map.Entry<ServiceModule, CompletableFuture<ConfigurableApplicationContext>> start : starts.entrySet()) {
            String name = start.getKey().name();
            try {
                start.getValue().join();
            } catch (RuntimeException e) {
                allUp = false;
                out.printf("  ✗ %-17s FAILED: %s%n", name, explain(e));
            }
        }
        starters.shutdown();
        try {
            kafkaStart.join();
        } catch (RuntimeException e) {
            allUp = false;
            out.printf("  ✗ %-17s FAILED: %s%n", "kafka", explain(e));
        }
        if (!allUp) {
            out.println("OpenHire did not start: see the reasons above (details in " + dataDir.resolve("logs") + ").");
            stop();
            return false;
        }

        if (demoPassword != null) {
            seedDemoData(demoPassword);
        }
        out.println();
        out.printf("OpenHire is running (started in %s).%n", since(t0));
        String url = gatewayUrl();
        out.println("  Open         " + url + "/  (the dashboard; APIs: " + url + "/swagger-ui.html)");
        if (!bindAddress.equals(LOOPBACK)) {
            out.println(
                    "  Listening    " + bindAddress + ":8080 (the gateway; every other service on " + LOOPBACK + ")");
        }
        if (demoPassword != null) {
            out.println("  Demo admin   " + DEMO_ADMIN_EMAIL + " / " + demoPassword + "  (also a platform operator)");
            out.println("  Demo client  " + DEMO_CLIENT_EMAIL + " / the same password  (a hiring client's shortlist)");
        }
        out.println("  Logs         " + dataDir.resolve("logs").resolve("openhire.log"));
        out.println("Press Ctrl-C to stop.");
        return true;
    }

    private ConfigurableApplicationContext startService(ServiceModule service, Map<String, String> settings) {
        Thread.currentThread().setName(service.name() + "-main");
        MDC.put(RequestIdFilter.MDC_SERVICE, service.name());
        long t = System.nanoTime();
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        SpringApplication application = ServiceApplications.of(service);
        ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
        running.add(context);
        int port = context instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort()
                : -1;
        out.printf("  ✓ %-17s http://localhost:%d  ready in %s%n", service.name(), port, since(t));
        // What one more service costs: the CPU its context's start took (its refresh runs on this thread).
        LoggerFactory.getLogger(AllInOne.class)
                .info(
                        "{} ready in {} with {} ms of CPU on its start thread",
                        service.name(),
                        since(t),
                        java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000);
        return context;
    }

    /**
     * Where the gateway answers: localhost when it listens on loopback or every interface, else the one
     * address it was told to listen on (localhost does not reach it there).
     */
    String gatewayUrl() {
        boolean everywhereOrLoopback = bindAddress.equals(LOOPBACK)
                || bindAddress.equals("0.0.0.0")
                || bindAddress.equals("::")
                || bindAddress.equals("localhost");
        if (everywhereOrLoopback) {
            return PUBLIC_URL;
        }
        return "http://" + (bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress) + ":8080";
    }

    /** Each running service's name and port: tests reach the services behind the gateway directly. */
    Map<String, Integer> ports() {
        Map<String, Integer> ports = new java.util.TreeMap<>();
        synchronized (running) {
            for (ConfigurableApplicationContext context : running) {
                if (context instanceof WebServerApplicationContext web) {
                    ports.put(
                            context.getEnvironment().getProperty("spring.application.name"),
                            web.getWebServer().getPort());
                }
            }
        }
        return ports;
    }

    /**
     * Ctrl-C (and a failed start): the services' listeners and schedulers, then the services, then Kafka, then
     * PostgreSQL, each step bounded ({@link OrderedStop}); then the data directory is free for the next launcher.
     */
    synchronized void stop() {
        if (lock == null) {
            return; // never started, or stopped already
        }
        long t0 = System.nanoTime();
        OrderedStop steps = new OrderedStop(out);
        List<ConfigurableApplicationContext> contexts = new ArrayList<>();
        synchronized (running) {
            for (ServiceModule service : SERVICES) {
                running.stream()
                        .filter(c -> service.name().equals(OrderedStop.nameOf(c)))
                        .forEach(contexts::add);
            }
            running.clear();
        }
        steps.stopServices(contexts);
        steps.bounded("mail", OrderedStop.SERVICE_LIMIT, mailServer::stop);
        steps.bounded("kafka", OrderedStop.KAFKA_LIMIT, infrastructure::stopKafka);
        steps.bounded("postgresql", OrderedStop.POSTGRES_LIMIT, infrastructure::stopPostgres);
        try {
            lock.close();
        } catch (IOException e) {
            // the process ends now, which drops the lock anyway
        }
        lock = null;
        out.printf("OpenHire stopped (in %s).%n", since(t0));
    }

    /** Held from the start until the stop is done: no second launcher on this data directory. */
    private DataDirectoryLock lock;

    private final EmbeddedMailServer mailServer = new EmbeddedMailServer();

    /** The first, not the last, readable cause: what a person can act on. */
    static String explain(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PortInUseException port) {
                return "port " + port.getPort() + " is already in use (is OpenHire already running?)";
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** A random secret kept under the data directory, so that restarts reuse it. */
    private String secret(String name, int bytes) throws IOException {
        Path secrets = dataDir.resolve("secrets");
        Files.createDirectories(secrets);
        Path file = secrets.resolve(name);
        if (!Files.exists(file)) {
            byte[] random = new byte[bytes];
            new SecureRandom().nextBytes(random);
            Files.writeString(file, Base64.getEncoder().encodeToString(random));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return Files.readString(file).trim();
    }

    /**
     * What the service that takes backups is told: where each database is (the embedded PostgreSQL's superuser reads
     * every table), where backups go, their key ({@code secrets/backup.key}: copy it off the machine with the backups,
     * a backup cannot be read without it), and the key files to put into each backup.
     */
    private void backupSettings(Map<String, String> settings) throws IOException {
        settings.put(
                "openhire.storage.backups.directory", dataDir.resolve("backups").toString());
        settings.put("openhire.storage.backups.key", secret(RestoreCommand.BACKUP_KEY, 32));
        settings.put(
                "openhire.storage.backups.secrets-directory",
                dataDir.resolve("secrets").toString());
        for (ServiceModule each : SERVICES) {
            if (each.database()) {
                String prefix = "openhire.storage.backups.databases." + each.name();
                settings.put(prefix + ".url", jdbcBase + each.name().replace("-", "_"));
                settings.put(prefix + ".username", "postgres");
            }
        }
    }

    /** The demo admin's password: made at the first start, kept under the data directory. */
    private String demoAdminPassword() throws IOException {
        return "Oh-" + secret("demo-admin-seed", 12).replaceAll("[^A-Za-z0-9]", "");
    }

    /**
     * The demo organisation's jobs and resumes, once (a marker file remembers it; repeating after an
     * interrupted first try is harmless). Runs on the launcher's main thread, not a virtual one: it reads
     * resources from the launcher's nested jar, which once deadlocked pinned virtual threads (model-registry).
     */
    private void seedDemoData(String demoPassword) {
        Path marker = dataDir.resolve("secrets").resolve("demo-data-seeded");
        if (Files.exists(marker)) {
            return;
        }
        try {
            DemoData.Seeded seeded = new DemoData(gatewayUrl()).seed(DEMO_ADMIN_EMAIL, demoPassword);
            Files.writeString(marker, seeded.jobs() + " jobs, " + seeded.resumes() + " resumes");
            out.printf(
                    "  Demo data    %d jobs and %d resumes added (parsing and ranking take a minute)%n",
                    seeded.jobs(), seeded.resumes());
            seedDemoPipelines(seeded, demoPassword);
        } catch (IOException | RuntimeException e) {
            out.println("  (demo jobs and resumes not added: " + explain(e) + "; the next start tries again)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The demo jobs' pipelines, in the background once the demo resumes are parsed and ranked (a minute or two):
     * a platform thread, daemon, so that stopping does not wait for it.
     */
    private void seedDemoPipelines(DemoData.Seeded seeded, String demoPassword) {
        Thread seeder = new Thread(
                () -> {
                    try {
                        DemoPipeline pipelines = new DemoPipeline(gatewayUrl());
                        int added = pipelines.seed(
                                seeded.token(), seeded.jobIds(), seeded.resumeIds(), Duration.ofMinutes(4));
                        out.printf("  Demo data    %d applications in the demo jobs' pipelines%n", added);
                        if (!seeded.jobIds().isEmpty()) {
                            pipelines.shareWithClient(
                                    seeded.token(), seeded.jobIds().getFirst(), DEMO_CLIENT_EMAIL, demoPassword);
                        }
                    } catch (IOException | RuntimeException e) {
                        out.println("  (demo pipelines not filled: " + explain(e) + ")");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "demo-pipelines");
        seeder.setDaemon(true);
        seeder.start();
    }

    static String since(long startNanos) {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
