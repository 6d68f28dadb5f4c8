package io.openhire.communication;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestInfrastructure;
import io.openhire.platform.test.TestTokens;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What communication's integration tests share: the service on the test PostgreSQL and Kafka, a real mail
 * server (GreenMail: SMTP out, IMAP for replies and bounces), and matching, job-ingestion and identity
 * answering as their APIs do (WireMock). Each scenario has its own organisation and addresses.
 */
@SpringBootTest(
        classes = CommunicationScenario.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=communication")
abstract class CommunicationScenario {

    static final TestTokens TOKENS = new TestTokens();
    static final GreenMail MAIL =
            new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});
    static final WireMockServer SERVICES =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final String REPLIES = "replies@openhire.test";
    static final String RECRUITER_EMAIL = "sam@acme.test";

    // Started once for every test class of this JVM (the Spring context is shared too); they end with it.
    static {
        MAIL.start();
        MAIL.setUser(REPLIES, REPLIES, "replies-secret");
        SERVICES.start();
        // identity: the signed-in recruiter's profile (the organizer of interviews, {{recruiter.name}})
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/users/profile"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"id":"%s","email":"%s","name":"Sam Recruiter","role":"RECRUITER"}""".formatted(UUID.randomUUID(), RECRUITER_EMAIL))));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(CommunicationConfiguration.class)
    static class App {}

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "communication");
        registry.add("openhire.security.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("openhire.clients.services.matching.url", SERVICES::baseUrl);
        registry.add("openhire.clients.services.job-ingestion.url", SERVICES::baseUrl);
        registry.add("openhire.clients.services.identity.url", SERVICES::baseUrl);
        registry.add("openhire.communication.key", () -> Base64.getEncoder().encodeToString(new byte[32]));
        registry.add("openhire.communication.mail.smtp-host", () -> "127.0.0.1");
        registry.add(
                "openhire.communication.mail.smtp-port", () -> MAIL.getSmtp().getPort());
        registry.add("openhire.communication.mail.imap-host", () -> "127.0.0.1");
        registry.add(
                "openhire.communication.mail.imap-port", () -> MAIL.getImap().getPort());
        registry.add("openhire.communication.mail.imap-user", () -> REPLIES);
        registry.add("openhire.communication.mail.imap-password", () -> "replies-secret");
        registry.add("openhire.communication.mail.from", () -> "Acme Recruiting <jobs@acme.test>");
        registry.add("openhire.communication.mail.reply-to", () -> REPLIES);
        registry.add("openhire.communication.poll-every", () -> "PT0.3S");
        registry.add("openhire.communication.dispatch-every", () -> "PT0.2S");
        registry.add("openhire.communication.reminders-every", () -> "PT0.5S");
        // an organisation's own mail server is this machine's GreenMail here
        registry.add("openhire.communication.allow-private-mail-hosts", () -> "true");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.openhire.communication.messages.Messages messages;

    final UUID org = UUID.randomUUID();
    final String admin = TOKENS.token(UUID.randomUUID(), org, "ADMIN");
    final String recruiter = TOKENS.token(UUID.randomUUID(), org, "RECRUITER");
    final String tag = UUID.randomUUID().toString().substring(0, 8);

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    /** A candidate matching knows, with one address of this scenario's own. */
    UUID candidate(String name, String... emails) {
        return candidateWithPhones(name, List.of(), emails);
    }

    /** A candidate with phone numbers as their resume gives them. */
    UUID candidateWithPhones(String name, List<String> phones, String... emails) {
        UUID id = UUID.randomUUID();
        String list =
                String.join(",", Arrays.stream(emails).map(e -> "\"" + e + "\"").toList());
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/matches/candidates/" + id))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"candidateId":"%s","name":"%s","emails":[%s],"phones":[%s],"resumeIds":["%s"]}""".formatted(id, name, list, quoted(phones), UUID.randomUUID()))));
        return id;
    }

    static String quoted(List<String> values) {
        return String.join(",", values.stream().map(v -> "\"" + v + "\"").toList());
    }

    UUID job(String title) {
        UUID id = UUID.randomUUID();
        SERVICES.stubFor(get(urlPathEqualTo("/api/v1/jobs/" + id))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"id":"%s","status":"OPEN","revision":1,"title":"%s","employer":"Initech",
                                 "locations":[],"createdAt":"2026-12-01T00:00:00Z","updatedAt":"2026-12-01T00:00:00Z"}""".formatted(id, title))));
        return id;
    }

    String template(String subject, String body) {
        TestHttp.Response created = http().post(
                        "/api/v1/communications/templates",
                        map(
                                "name",
                                "Interview invitation " + tag,
                                "channel",
                                "EMAIL",
                                "language",
                                "en",
                                "subject",
                                subject,
                                "body",
                                body),
                        bearer(admin));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    MimeMessage received(String address) {
        await().atMost(Duration.ofSeconds(20)).until(() -> messagesTo(address).size() >= 1);
        return messagesTo(address).getFirst();
    }

    List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(
                                        a -> ((InternetAddress) a).getAddress().equals(address));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    JsonNode awaitStatus(String messageId, String status) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> status.equals(http().get("/api/v1/communications/messages/" + messageId, bearer(recruiter))
                        .json()
                        .get("status")
                        .asString()));
        return http().get("/api/v1/communications/messages/" + messageId, bearer(recruiter))
                .json();
    }

    /** Mail arriving in the replies mailbox, as the mail server would put it there. */
    static void deliverToReplies(MimeMessage mail) throws Exception {
        MAIL.getUserManager().getUser(REPLIES).deliver(mail);
    }

    String sendTo(UUID candidate, String subject) {
        TestHttp.Response sent = http().post(
                        "/api/v1/communications/send",
                        map("channel", "EMAIL", "candidateId", candidate, "subject", subject, "body", "Hello"),
                        bearer(recruiter));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        return sent.json().get("messageId").asString();
    }

    int sendStatus(UUID candidate) {
        return http().post(
                        "/api/v1/communications/send",
                        map("channel", "EMAIL", "candidateId", candidate, "subject", "Hi", "body", "Hello"),
                        bearer(recruiter))
                .status();
    }

    static void assertProblem(TestHttp.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).endsWith("/" + type);
    }

    /** A delivery status notification (RFC 3464) as a receiving mail server sends it back. */
    static MimeMessage bounce(MimeMessage original, String status, String diagnostic) throws Exception {
        MimeMessage dsn = new MimeMessage(Session.getInstance(new Properties()));
        dsn.setFrom(new InternetAddress("mailer-daemon@example.test"));
        dsn.setRecipients(Message.RecipientType.TO, REPLIES);
        dsn.setSubject("Undelivered Mail Returned to Sender");
        MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
        MimeBodyPart human = new MimeBodyPart();
        human.setText("Your message could not be delivered.");
        report.addBodyPart(human);
        MimeBodyPart machine = new MimeBodyPart();
        machine.setContent(
                "Reporting-MTA: dns; mx.example.test\r\n\r\nFinal-Recipient: rfc822; "
                        + ((InternetAddress) original.getAllRecipients()[0]).getAddress()
                        + "\r\nAction: failed\r\nStatus: " + status + "\r\nDiagnostic-Code: " + diagnostic + "\r\n",
                "message/delivery-status");
        report.addBodyPart(machine);
        MimeBodyPart headers = new MimeBodyPart();
        headers.setContent(
                "Message-ID: " + original.getMessageID() + "\r\nSubject: " + original.getSubject() + "\r\n",
                "text/rfc822-headers");
        report.addBodyPart(headers);
        dsn.setContent(report);
        dsn.saveChanges();
        return dsn;
    }
}
