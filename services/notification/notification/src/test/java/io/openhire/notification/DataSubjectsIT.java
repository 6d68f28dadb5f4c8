package io.openhire.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.openhire.notification.client.EmailDelivery;
import io.openhire.notification.client.NotificationSettings;
import io.openhire.notification.events.NotificationType;
import io.openhire.notification.inbox.Notifications;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestTokens;
import io.openhire.privacy.client.DataSubject;
import io.openhire.privacy.client.DataSubjectHandler;
import io.openhire.privacy.client.SubjectAnswer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Data-subject requests: a staff member's settings, followed job, own notification, read mark and composed emails
 * are found by their address, given out and erased, while a colleague and the same address in another
 * organisation keep theirs; a candidate's address and number written in an announcement (and in the email made of
 * it) are redacted from it, not the announcement. job-ingestion, identity and communication answer as their APIs
 * do (WireMock).
 */
@SpringBootTest(
        classes = DataSubjectsIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=notification")
class DataSubjectsIT {

    static final TestTokens TOKENS = new TestTokens();
    static final WireMockServer SERVICES =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final UUID JOB = UUID.randomUUID();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(NotificationConfiguration.class)
    static class App {}

    // Started once for the test classes of this JVM; it ends with it.
    static {
        SERVICES.start();
        // identity: this service's own token (emails are handed to communication as the service)
        SERVICES.stubFor(post(urlPathEqualTo("/api/v1/users/service-token"))
                .willReturn(okJson("""
                        {"access_token":"%s","token_type":"Bearer","expires_in":600}""".formatted(TOKENS.serviceToken("notification", UUID.randomUUID())))));
        // job-ingestion: the job people follow
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/jobs/" + JOB)).willReturn(okJson("""
                        {"id":"%s","status":"OPEN","revision":1,"title":"Senior Java Developer"}""".formatted(JOB))));
        // communication: accepts every email (202)
        SERVICES.stubFor(post(urlPathEqualTo("/api/v1/communications/send"))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messageId\":\"%s\",\"status\":\"QUEUED\"}".formatted(UUID.randomUUID()))));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notification");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("openhire.clients.services.identity.url", SERVICES::baseUrl);
        registry.add("openhire.clients.services.job-ingestion.url", SERVICES::baseUrl);
        registry.add("openhire.clients.services.communication.url", SERVICES::baseUrl);
        registry.add("openhire.service-account.secret", () -> "notification-secret");
        registry.add("openhire.notification.email-every", () -> "PT0.5S");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSubjectHandler handler;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transactions;

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final UUID org = UUID.randomUUID();
    final UUID dana = UUID.randomUUID();
    final UUID omar = UUID.randomUUID();
    final String danaEmail = "dana." + tag + "@acme.test";
    final String omarEmail = "omar." + tag + "@acme.test";
    final String danaToken = TOKENS.token(dana, org, "RECRUITER");
    final String omarToken = TOKENS.token(omar, org, "RECRUITER");
    final String admin = TOKENS.token(UUID.randomUUID(), org, "ADMIN");

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStaffMembersSettingsFollowsNotificationsAndEmailsAreGivenOutAndErasedAndNobodyElses() {
        emailsAnnouncements(org, dana, danaEmail);
        emailsAnnouncements(org, omar, omarEmail);
        for (String token : List.of(danaToken, omarToken)) {
            assertThat(http().put("/api/v1/notifications/follows/" + JOB, null, bearer(token))
                            .status())
                    .isEqualTo(200);
        }
        notifications.create(org, dana, NotificationType.MENTIONED, "You were mentioned", "In a note.", null, "test");
        notifications.create(org, omar, NotificationType.MENTIONED, "You were mentioned", "In a note.", null, "test");
        String lunch = announce("Team lunch", "Friday at noon.");
        for (String token : List.of(danaToken, omarToken)) {
            assertThat(http().post("/api/v1/notifications/" + lunch + "/read", null, bearer(token))
                            .status())
                    .isEqualTo(204);
        }
        String later = announce("Office closed", "On Monday.");
        awaitEmailTo(danaEmail, "Office closed");
        awaitEmailTo(omarEmail, "Office closed");
        // the same address belongs to a staff member of another organisation too
        UUID otherOrg = UUID.randomUUID();
        UUID otherDana = UUID.randomUUID();
        emailsAnnouncements(otherOrg, otherDana, danaEmail);
        notifications.create(otherOrg, otherDana, NotificationType.MENTIONED, "Mentioned", null, null, "test");
        Map<String, Long> omarsBefore = rowsOf(org, omar, omarEmail);
        Map<String, Long> otherBefore = rowsOf(otherOrg, otherDana, danaEmail);
        DataSubject subject = new DataSubject(UUID.randomUUID(), "ACCESS", List.of(danaEmail), List.of(), "Dana");

        SubjectAnswer access = handler.access(org, subject);

        Map<String, Object> data = access.data();
        assertThat((List<Map<String, Object>>) data.get("people"))
                .singleElement()
                .satisfies(p -> assertThat(p.get("email")).isEqualTo(danaEmail));
        assertThat((List<Map<String, Object>>) data.get("settings"))
                .singleElement()
                .satisfies(s -> assertThat(s.get("email")).isEqualTo("INSTANT"));
        assertThat((List<Map<String, Object>>) data.get("followedJobs"))
                .singleElement()
                .satisfies(f -> assertThat(f.get("jobId")).isEqualTo(JOB.toString()));
        assertThat((List<Map<String, Object>>) data.get("notifications"))
                .singleElement()
                .satisfies(n -> assertThat(n.get("title")).isEqualTo("You were mentioned"));
        assertThat((List<Map<String, Object>>) data.get("read"))
                .singleElement()
                .satisfies(r -> assertThat(r.get("notificationId")).isEqualTo(lunch));
        List<Map<String, Object>> emails = (List<Map<String, Object>>) data.get("emails");
        assertThat(emails).isNotEmpty().allSatisfy(e -> assertThat(e.get("to")).isEqualTo(danaEmail));
        assertThat((List<?>) data.get("mentionedIn")).isEmpty();
        assertThat(data.toString()).doesNotContain(omarEmail).doesNotContain(omar.toString());
        assertThat(access.files()).isEmpty();
        int held = 1 + 1 + 1 + 1 + 1 + emails.size();
        assertThat(access.records()).isEqualTo(held);
        assertThat(handler.count(org, subject)).isEqualTo(held);

        Integer erased = transactions.execute(status -> handler.erase(org, subject));

        assertThat(erased).isEqualTo(held);
        assertThat(handler.count(org, subject)).isZero();
        Integer again = transactions.execute(status -> handler.erase(org, subject));
        assertThat(again).isZero();
        assertThat(rowsOf(org, dana, danaEmail))
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(mentions(org, danaEmail, null)).isZero();
        // the announcements are everyone's: they stay, and so do Omar's rows and the other organisation's
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE id IN (:ids)")
                        .param("ids", List.of(UUID.fromString(lunch), UUID.fromString(later)))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(rowsOf(org, omar, omarEmail)).isEqualTo(omarsBefore);
        assertThat(rowsOf(otherOrg, otherDana, danaEmail)).isEqualTo(otherBefore);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCandidatesAddressAndNumberInAnAnnouncementAndItsEmailAreRedacted() {
        String mira = "mira." + tag + "@example.test";
        emailsAnnouncements(org, omar, omarEmail);
        String text = "Please call back " + mira + " (+49 151 2738 4950) about the offer.";
        String callBack = announce("A candidate to call back", text);
        announce("Team lunch", "Friday at noon.");
        awaitEmailTo(omarEmail, "Please call back");
        UUID otherOrg = UUID.randomUUID();
        notifications.create(otherOrg, null, NotificationType.ANNOUNCEMENT, "Call back", text, null, "test");
        DataSubject subject =
                new DataSubject(UUID.randomUUID(), "ERASURE", List.of(mira), List.of("+4915127384950"), "Mira");

        SubjectAnswer access = handler.access(org, subject);

        assertThat((List<Map<String, Object>>) access.data().get("mentionedIn"))
                .extracting(m -> m.containsKey("notificationId") ? m.get("notificationId") : "an email")
                .containsExactlyInAnyOrder(callBack, "an email");
        assertThat(access.data().toString()).doesNotContain("Please call back").doesNotContain(omarEmail);
        assertThat(access.records()).isEqualTo(2);

        Integer erased = transactions.execute(status -> handler.erase(org, subject));

        assertThat(erased).isEqualTo(2);
        assertThat(handler.count(org, subject)).isZero();
        Integer again = transactions.execute(status -> handler.erase(org, subject));
        assertThat(again).isZero();
        assertThat(jdbc.sql("SELECT body FROM notification WHERE id = :id")
                        .param("id", UUID.fromString(callBack))
                        .query(String.class)
                        .single())
                .isEqualTo("Please call back [erased] ([erased]) about the offer.");
        assertThat(mentions(org, mira, "127384950")).isZero();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM notification_email
                        WHERE organization_id = :org AND body LIKE '%Please call back [erased] ([erased])%'
                        """).param("org", org).query(Long.class).single()).isEqualTo(1);
        // the other organisation's announcement keeps its words
        assertThat(mentions(otherOrg, mira, "127384950")).isEqualTo(1);
    }

    /** The person gets announcements by email at once, at {@code address}. */
    private void emailsAnnouncements(UUID organization, UUID person, String address) {
        notifications.saveSettings(
                organization,
                person,
                new NotificationSettings(
                        Map.of(), Map.of(NotificationType.ANNOUNCEMENT, EmailDelivery.INSTANT), 80.0, null),
                address);
    }

    private String announce(String title, String text) {
        TestHttp.Response sent =
                http().post("/api/v1/notifications/send", map("title", title, "text", text), bearer(admin));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        return sent.json().get("id").asString();
    }

    /** Waits for the email composed for {@code address} that contains {@code words} (notifications settle 5 s). */
    private void awaitEmailTo(String address, String words) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("""
                                        SELECT count(*) FROM notification_email
                                        WHERE to_address = :to AND strpos(body, :words) > 0
                                        """)
                                .param("to", address)
                                .param("words", words)
                                .query(Long.class)
                                .single()
                        > 0);
    }

    /** How many rows of each table the staff member has in the organisation. */
    private Map<String, Long> rowsOf(UUID organization, UUID person, String address) {
        return Map.of(
                "notification_person",
                count("notification_person", "user_id = :user", organization, person, address),
                "notification_setting",
                count("notification_setting", "user_id = :user", organization, person, address),
                "job_follow",
                count("job_follow", "user_id = :user", organization, person, address),
                "notification",
                count("notification", "user_id = :user", organization, person, address),
                "notification_email",
                count(
                        "notification_email",
                        "(user_id = :user OR to_address = :address)",
                        organization,
                        person,
                        address),
                "notification_read",
                jdbc.sql("""
                                SELECT count(*) FROM notification_read r JOIN notification n ON n.id = r.notification_id
                                WHERE r.user_id = :user AND n.organization_id = :org
                                """)
                        .param("user", person)
                        .param("org", organization)
                        .query(Long.class)
                        .single());
    }

    private long count(String table, String where, UUID organization, UUID person, String address) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE organization_id = :org AND " + where)
                .param("org", organization)
                .param("user", person)
                .param("address", address)
                .query(Long.class)
                .single();
    }

    /** Rows of the organisation whose texts hold the address or (when given) the number's last nine digits. */
    private long mentions(UUID organization, String address, String digits) {
        long found = 0;
        for (var table : Map.of(
                        "notification", "lower(concat_ws(' ', title, body, link))",
                        "notification_email", "lower(concat_ws(' ', to_address, subject, body))",
                        "notification_person", "lower(email)",
                        "outbox_event", "lower(payload)")
                .entrySet()) {
            String column = table.getValue();
            found += jdbc.sql("SELECT count(*) FROM " + table.getKey() + " WHERE organization_id = :org AND (strpos("
                            + column + ", :address) > 0 OR (CAST(:digits AS text) IS NOT NULL AND strpos("
                            + "regexp_replace(" + column + ", '\\D', '', 'g'), CAST(:digits AS text)) > 0))")
                    .param("org", organization)
                    .param("address", address)
                    .param("digits", digits)
                    .query(Long.class)
                    .single();
        }
        return found;
    }
}
