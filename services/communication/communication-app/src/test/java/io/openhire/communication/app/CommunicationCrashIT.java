package io.openhire.communication.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.openhire.communication.events.MessageSent;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestKafka;
import io.openhire.platform.test.TestPostgres;
import io.openhire.platform.test.TestTokens;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The issue's stop-mid-batch test: 500 queued emails, the service killed (SIGKILL) while its dispatcher sends
 * them, restarted on the same database: each email reaches its recipient, with the one Message-ID it was given.
 *
 * <p>The real communication application runs in a child JVM (this test's class path, its {@code -app} main class,
 * configured by the environment as in distributed mode) against this JVM's embedded PostgreSQL and Kafka, a
 * GreenMail SMTP server, identity's JWKS ({@link TestTokens}) and matching (WireMock). A recruiter's bulk send
 * queues the 500 in one transaction. The kill comes at the worst moment SMTP has: while the mail server is taking
 * its 150th email (or the first after the bulk send's answer, if that came later), after the client sent it and
 * before the server's "250 OK" — GreenMail stores it once the child is dead, and the child never learnt it was
 * accepted. The other dispatch workers may be in the same window at that instant. Such an email is sent again
 * after the restart, with the same Message-ID (a mail client shows it once): at most one repeat per dispatch
 * worker; none lost, none under another Message-ID.
 */
class CommunicationCrashIT {

    static final int MESSAGES = 500;
    /** The dispatcher's default {@code dispatch-workers}: each has at most one email between acceptance and commit. */
    static final int WORKERS = 4;
    /** The child is killed while the mail server takes this many-th email (a new mailbox's first). */
    static final int KILL_AT = 150;

    final TestTokens tokens = new TestTokens();
    final WireMockServer matching =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    final String database = TestPostgres.newDatabase("communication_crash");
    final JdbcClient db = JdbcClient.create(new DriverManagerDataSource(database, "postgres", ""));
    final String key = Base64.getEncoder().encodeToString(new byte[32]); // signs unsubscribe links; any will do
    final List<Child> children = new ArrayList<>();

    /** The child JVM to kill at the {@value #KILL_AT}th delivery (or the first after it), and what the kill cut off. */
    final AtomicReference<Process> killable = new AtomicReference<>();

    final AtomicInteger deliveries = new AtomicInteger();
    final AtomicReference<String> cutOffRecipient = new AtomicReference<>();
    final CountDownLatch killed = new CountDownLatch(1);

    @AfterEach
    void stop() {
        children.forEach(c -> c.process().destroyForcibly());
        mail.stop();
        matching.stop();
        tokens.close();
    }

    @Test
    void fiveHundredQueuedEmailsSurviveASigkillMidBatchAndEachReachesItsRecipientUnderItsOneMessageId()
            throws Exception {
        startMailServerThatKillsTheChildMidDelivery();
        startMatching();
        UUID org = UUID.randomUUID();
        String recruiter = tokens.token(UUID.randomUUID(), org, "RECRUITER");

        Child first = start("first");
        List<UUID> candidates =
                IntStream.range(0, MESSAGES).mapToObj(i -> UUID.randomUUID()).toList();
        long t0 = System.nanoTime();
        TestHttp.Response bulk = first.http()
                .post(
                        "/api/v1/communications/send/bulk",
                        map(
                                "channel",
                                "EMAIL",
                                "candidateIds",
                                candidates,
                                "subject",
                                "Next steps, {{candidate.firstName}}",
                                "body",
                                "Dear {{candidate.name}},\n\nthank you for applying."),
                        bearer(recruiter));
        assertThat(bulk.status()).as(bulk.body()).isEqualTo(202);
        assertThat(bulk.json().get("queued").asInt()).isEqualTo(MESSAGES);
        double queuedIn = seconds(t0);
        killable.set(first.process()); // armed once the 202 is here: the kill cannot take the answer with it

        assertThat(killed.await(60, TimeUnit.SECONDS))
                .as(
                        "the mail server got its %dth email within 60 s (got %d); the child's log ends:%n%s",
                        KILL_AT, deliveries.get(), first.tail())
                .isTrue();
        long killedAt = System.nanoTime();
        int deliveredAtKill = deliveries.get();
        Map<String, Long> atKill = statuses(org);
        assertThat(deliveredAtKill).as("killed mid-batch").isBetween(50, 449);

        Child second = start("second");
        double restartedIn = seconds(killedAt);
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> statuses(org).getOrDefault("SENT", 0L) == MESSAGES);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not every message was SENT within 60 s of the restart: " + statuses(org)
                    + "; the restarted child's log ends:\n" + second.tail());
        }
        double recoveredIn = seconds(killedAt);

        // What the database says: every message SENT, and marked SENT once (one message.sent.v1 in its outbox).
        Map<UUID, String> messageIds = new HashMap<>();
        Map<String, UUID> byRecipient = new HashMap<>();
        db.sql("SELECT id, to_address, rfc_message_id, status FROM message WHERE organization_id = :org")
                .param("org", org)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    messageIds.put(id, rs.getString("rfc_message_id"));
                    byRecipient.put(rs.getString("to_address"), id);
                    assertThat(rs.getString("status")).isEqualTo("SENT");
                });
        assertThat(messageIds).hasSize(MESSAGES);
        assertThat(Set.copyOf(messageIds.values()))
                .as("a Message-ID of its own each")
                .hasSize(MESSAGES);
        Map<String, Long> sentRecords = db
                .sql("""
                        SELECT event_key, count(*) FROM outbox_event WHERE topic = :topic AND organization_id = :org
                        GROUP BY event_key""")
                .param("topic", MessageSent.TOPIC)
                .param("org", org)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(sentRecords.keySet())
                .isEqualTo(messageIds.keySet().stream().map(UUID::toString).collect(Collectors.toSet()));
        assertThat(sentRecords.values()).as("each message marked SENT once").containsOnly(1L);

        // What the recipients see: each of them has the email, every copy under that message's Message-ID.
        Map<String, List<MimeMessage>> inboxes = new TreeMap<>();
        Set<String> received = new HashSet<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            String to = ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress();
            inboxes.computeIfAbsent(to, k -> new ArrayList<>()).add(m);
            received.add(m.getMessageID());
        }
        assertThat(inboxes.keySet()).as("every recipient got the email").isEqualTo(byRecipient.keySet());
        assertThat(received).as("the distinct Message-IDs received").isEqualTo(Set.copyOf(messageIds.values()));
        List<String> repeated = new ArrayList<>();
        for (var inbox : inboxes.entrySet()) {
            UUID message = byRecipient.get(inbox.getKey());
            for (MimeMessage copy : inbox.getValue()) {
                assertThat(copy.getMessageID())
                        .as("each copy to %s carries its message's one Message-ID", inbox.getKey())
                        .isEqualTo(messageIds.get(message));
                assertThat(copy.getHeader("X-OpenHire-Message")).containsExactly(message.toString());
            }
            if (inbox.getValue().size() > 1) {
                repeated.add(inbox.getKey() + " ×" + inbox.getValue().size());
            }
        }
        int mails = inboxes.values().stream().mapToInt(List::size).sum();
        int repeats = mails - MESSAGES;
        assertThat(inboxes.values())
                .as("at most one repeat of an email")
                .allSatisfy(copies -> assertThat(copies).hasSizeBetween(1, 2));
        assertThat(repeats)
                .as("repeats are the emails in flight at the kill, at most one per dispatch worker: %s", repeated)
                .isBetween(0, WORKERS);
        assertThat(inboxes.get(cutOffRecipient.get()))
                .as("the email the server was taking at the kill went again after the restart, same Message-ID")
                .hasSize(2);

        // What consumers see: every message.sent.v1 is on the topic (at least once; consumers are idempotent).
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.sql("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")
                                .query(Long.class)
                                .single()
                        == 0);
        Map<String, Long> events = eventsPerKey(messageIds.keySet());
        assertThat(events.keySet()).as("a message.sent.v1 for every message").isEqualTo(sentRecords.keySet());
        long eventRepeats = events.values().stream().mapToLong(n -> n - 1).sum();

        System.out.printf(
                "CommunicationCrashIT: %d emails queued in one bulk send in %.1f s; killed at the mail server's %dth"
                        + " email (%s at the kill); restarted and ready %.1f s after the kill; every message SENT %.1f s"
                        + " after the kill; %d emails received, %d repeat(s) under the same Message-ID %s;"
                        + " %d repeated message.sent.v1 event(s)%n",
                MESSAGES,
                queuedIn,
                deliveredAtKill,
                atKill,
                restartedIn,
                recoveredIn,
                mails,
                repeats,
                repeated,
                eventRepeats);
    }

    /**
     * GreenMail calls its delivery handler for a new mailbox's first email after the client has sent the whole
     * email and before it answers "250 OK" (and stores the email once the handler returns): the kill there leaves
     * an email the server has, which the child never heard it accepted. (A worker cut off in the middle of an
     * email's DATA makes GreenMail print "Unexpected end of stream": that email was not taken.)
     */
    void startMailServerThatKillsTheChildMidDelivery() {
        mail.start();
        var users = mail.getUserManager();
        MessageDeliveryHandler makeMailbox = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, address) -> {
            Process child = killable.get();
            if (deliveries.incrementAndGet() >= KILL_AT && child != null && killable.compareAndSet(child, null)) {
                cutOffRecipient.set(address.getEmail());
                child.destroyForcibly(); // SIGKILL: no shutdown hooks, no graceful stop of the dispatcher
                try {
                    child.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                killed.countDown();
            }
            return makeMailbox.handle(message, address);
        });
    }

    /** matching, as its API answers for a candidate: one address of their own. */
    void startMatching() {
        matching.start();
        matching.stubFor(get(urlPathMatching("/api/v1/matches/candidates/[0-9a-f-]{36}"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"candidateId":"{{request.pathSegments.[4]}}","name":"Casey Crash",
                                 "emails":["c-{{request.pathSegments.[4]}}@example.test"],"phones":[],
                                 "resumeIds":["{{randomValue type='UUID'}}"]}""")
                        .withTransformers("response-template")));
    }

    /** A communication process on a free port, configured as distributed mode configures it; waits until ready. */
    Child start(String name) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path log = Path.of("target", "communication-crash-it", name + ".log");
        Files.createDirectories(log.getParent());
        String identity = tokens.jwkSetUri().replace("/.well-known/jwks.json", "");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx384m",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "--sun-misc-unsafe-memory-access=allow",
                        // what the killed JVM left SENDING goes again soon after the restart (the default lease is
                        // 2 min); still far longer than a live batch of 50 takes here, even on a loaded machine
                        "-Dopenhire.communication.sending-lease=PT20S",
                        "-Dopenhire.communication.dispatch-every=PT0.2S",
                        "-Dlogging.level.io.openhire=INFO",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CommunicationApplication.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("OPENHIRE_COMMUNICATION_DB_URL", database);
        env.put("OPENHIRE_COMMUNICATION_DB_USER", "postgres");
        env.put("OPENHIRE_COMMUNICATION_DB_PASSWORD", "");
        env.put("OPENHIRE_KAFKA_BOOTSTRAP", TestKafka.bootstrapServers());
        env.put("OPENHIRE_COMMUNICATION_PORT", String.valueOf(port));
        env.put("OPENHIRE_ISSUER", TestTokens.ISSUER);
        env.put("OPENHIRE_IDENTITY_URL", identity);
        env.put("OPENHIRE_MATCHING_URL", matching.baseUrl());
        env.put("OPENHIRE_JOB_INGESTION_URL", matching.baseUrl());
        env.put("OPENHIRE_COMMUNICATION_KEY", key);
        env.put("OPENHIRE_SMTP_HOST", "127.0.0.1");
        env.put("OPENHIRE_SMTP_PORT", String.valueOf(mail.getSmtp().getPort()));
        env.put("OPENHIRE_MAIL_TLS", "false");
        env.put("OPENHIRE_MAIL_FROM", "Acme Recruiting <jobs@acme.test>");
        env.put("OPENHIRE_MAIL_REPLY_TO", "replies@acme.test");
        env.put("OPENHIRE_IMAP_HOST", ""); // replies are not read here
        Child child = new Child(builder.start(), new TestHttp("http://127.0.0.1:" + port), log);
        children.add(child);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!child.ready()) {
            assertThat(child.process().isAlive())
                    .as(() -> "the " + name + " communication process exited while starting; its log ends:\n"
                            + child.tail())
                    .isTrue();
            assertThat(System.nanoTime() < deadline)
                    .as(() -> "the " + name + " communication process was not ready within 120 s; its log ends:\n"
                            + child.tail())
                    .isTrue();
            child.process().waitFor(200, TimeUnit.MILLISECONDS);
        }
        return child;
    }

    record Child(Process process, TestHttp http, Path log) {

        boolean ready() {
            try {
                return http.get("/actuator/health/readiness").status() == 200;
            } catch (RuntimeException notListeningYet) {
                return false;
            }
        }

        String tail() {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(" + log + " unreadable: " + e + ")";
            }
        }
    }

    Map<String, Long> statuses(UUID org) {
        Map<String, Long> counts = new TreeMap<>();
        db.sql("SELECT status, count(*) FROM message WHERE organization_id = :org GROUP BY status")
                .param("org", org)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** How many times each of these messages' message.sent.v1 is on the topic, read to its end. */
    static Map<String, Long> eventsPerKey(Set<UUID> messages) {
        Set<String> wanted = messages.stream().map(UUID::toString).collect(Collectors.toSet());
        Map<String, Long> counts = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "crash-check-" + UUID.randomUUID()),
                new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(MessageSent.TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime() < deadline)
                        .as("read %s to its end within 30 s", MessageSent.TOPIC)
                        .isTrue();
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (wanted.contains(r.key())) {
                        counts.merge(r.key(), 1L, Long::sum);
                    }
                });
            }
        }
        return counts;
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
