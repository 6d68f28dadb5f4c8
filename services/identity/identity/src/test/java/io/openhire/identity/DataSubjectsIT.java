package io.openhire.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jwt.SignedJWT;
import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.events.EventHeaders;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.test.GoldenEvents;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestKafka;
import io.openhire.privacy.client.DataSubject;
import io.openhire.privacy.client.DataSubjectHandler;
import io.openhire.privacy.client.SubjectAnswer;
import io.openhire.privacy.events.DataSubjectRequestOpened;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Data-subject requests against identity: a candidate's portal account (signed in by link, a phone on her
 * profile), another candidate of the organisation, the same person's account in another organisation, and staff
 * whose address or phone the request names too. The handler is called as the privacy listener calls it; and once
 * through the listener itself, with the privacy service a stand-in (WireMock) that identity calls with the service
 * token it signs for itself.
 */
@SpringBootTest(
        classes = IdentityTestApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = IdentityTestApp.NAME)
@DirtiesContext // its own consumers of privacy.request-opened.v1: gone before another test class's context starts
class DataSubjectsIT {

    static final WireMockServer PRIVACY =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        PRIVACY.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IdentityTestApp.register(registry);
        registry.add("openhire.clients.services.privacy.url", PRIVACY::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSubjectHandler handler;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ServiceAccount serviceAccount;

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    record Account(String orgId, String email, String accessToken) {}

    Account signUp(String organization) {
        String email =
                "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@" + organization.toLowerCase() + ".test";
        TestHttp.Response registered = http().post(
                        "/api/v1/users/register",
                        map(
                                "organization",
                                organization,
                                "name",
                                "Alex Admin",
                                "email",
                                email,
                                "password",
                                IdentityIT.PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(202);
        String access = http().post("/api/v1/users/login", map("email", email, "password", IdentityIT.PASSWORD))
                .json()
                .get("access_token")
                .asString();
        String orgId = http().get("/api/v1/users/profile", bearer(access))
                .json()
                .get("organization")
                .get("id")
                .asString();
        return new Account(orgId, email, access);
    }

    String serviceToken(String organizationId) {
        return http().post(
                        "/api/v1/users/service-token",
                        map(
                                "client_id",
                                "applications",
                                "client_secret",
                                IdentityTestApp.SERVICE_SECRET,
                                "organization_id",
                                organizationId))
                .json()
                .get("access_token")
                .asString();
    }

    /** A sign-in link for a candidate of the organisation, as applications asks for one: {userId, token}. */
    JsonNode link(String organizationId, String email, String name) {
        TestHttp.Response link = http().post(
                        "/api/v1/users/sign-in-links",
                        map("email", email, "name", name),
                        bearer(serviceToken(organizationId)));
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        return link.json();
    }

    @Test
    void accessGivesTheCandidatesAccountAndErasureEndsAndDeletesItAndNothingElse() throws Exception {
        Account agency = signUp("Subjects");
        Account other = signUp("ElsewhereSubjects");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "lena." + tag + "@example.org";
        String benEmail = "ben." + tag + "@example.org";
        String phone = "+49 151 55501234";

        // Lena signs in with a link (one used, one still unused) and puts her phone on her profile.
        JsonNode first = link(agency.orgId(), email, "Lena Fischer");
        String lenaId = first.get("userId").asString();
        JsonNode session = http().post(
                        "/api/v1/users/sign-in-links/redeem",
                        map("token", first.get("token").asString()))
                .json();
        String lenaAccess = session.get("access_token").asString();
        String lenaRefresh = session.get("refresh_token").asString();
        assertThat(http().patch("/api/v1/users/profile", map("phone", phone), bearer(lenaAccess))
                        .status())
                .isEqualTo(200);
        link(agency.orgId(), email, "Lena Fischer");
        // Ben, another candidate there; Lena in another organisation; the admin has Lena's phone number too.
        String benId =
                link(agency.orgId(), benEmail, "Ben Okafor").get("userId").asString();
        link(other.orgId(), email, "Lena Fischer");
        assertThat(http().patch("/api/v1/users/profile", map("phone", "0151 55501234"), bearer(agency.accessToken()))
                        .status())
                .isEqualTo(200);

        // The request names her address, her phone, and (a mistake, or a colleague of the same name) the admin's
        // address: staff are never this path's to give out or erase.
        DataSubject subject = new DataSubject(
                UUID.randomUUID(), "ACCESS", List.of(email, agency.email()), List.of("+4915155501234"), "Lena Fischer");
        DataSubject ben = new DataSubject(UUID.randomUUID(), "ACCESS", List.of(benEmail), List.of(), "Ben Okafor");
        int benBefore = handler.count(UUID.fromString(agency.orgId()), ben);
        int elsewhereBefore = handler.count(UUID.fromString(other.orgId()), subject);
        assertThat(benBefore).isEqualTo(2); // his account and its link
        assertThat(elsewhereBefore).isEqualTo(2);

        UUID org = UUID.fromString(agency.orgId());
        SubjectAnswer access = handler.access(org, subject);
        assertThat(access.records()).isEqualTo(4).isEqualTo(access.remaining()); // the account, 2 links, 1 session
        assertThat(access.files()).isEmpty();
        JsonNode data = GoldenEvents.JSON.valueToTree(access.data());
        JsonNode account = data.get("candidateAccounts").get(0);
        assertThat(data.get("candidateAccounts")).hasSize(1);
        assertThat(account.get("id").asString()).isEqualTo(lenaId);
        assertThat(account.get("email").asString()).isEqualTo(email);
        assertThat(account.get("name").asString()).isEqualTo("Lena Fischer");
        assertThat(account.get("phone").asString()).isEqualTo(phone);
        assertThat(account.get("createdAt").asString()).isNotBlank();
        assertThat(account.get("lastSignInAt").asString()).isNotBlank();
        assertThat(account.get("signInLinks")).hasSize(2);
        assertThat(account.get("sessions")).hasSize(1);
        assertThat(data.toString())
                .doesNotContain(benEmail, agency.email(), "Alex Admin")
                .doesNotContain("ohl_", "ohr_", "$argon2", first.get("token").asString(), lenaRefresh);
        // Her phone alone finds her account (in another form); her name alone finds nothing.
        assertThat(handler.count(org, new DataSubject(null, "ACCESS", List.of(), List.of("0151 5550 1234"), null)))
                .isEqualTo(4);
        assertThat(handler.count(org, new DataSubject(null, "ACCESS", List.of(), List.of(), "Lena Fischer")))
                .isZero();

        // ERASURE, as the listener runs it: in a transaction.
        Integer erased = transactions.execute(status -> handler.erase(org, subject));
        assertThat(erased).isEqualTo(4);
        assertThat(handler.count(org, subject)).isZero();
        Integer again = transactions.execute(status -> handler.erase(org, subject));
        assertThat(again).as("a redelivered request finds nothing left").isZero();
        // Her sessions are over at once: the access token is refused (and on the list every service reads), the
        // refresh token unknown.
        assertThat(http().get("/api/v1/users/profile", bearer(lenaAccess)).status())
                .isEqualTo(401);
        assertThat(http().post("/api/v1/users/refresh", map("refresh_token", lenaRefresh))
                        .status())
                .isEqualTo(401);
        assertThat(http().get("/.well-known/revocations").body()).contains(Sha256.hex(lenaId));
        // Nothing of her in the organisation's rows, in any column of any table.
        assertThat(traces(org, email)).isEmpty();
        assertThat(traces(org, "Fischer")).isEmpty();
        assertThat(phoneTraces(org, "155501234"))
                .as("only the admin's own phone")
                .containsExactly("app_user: 1");

        // The admin, Ben, and Lena in the other organisation are as they were.
        assertThat(http().get("/api/v1/users/profile", bearer(agency.accessToken()))
                        .json()
                        .get("phone")
                        .asString())
                .isEqualTo("0151 55501234");
        assertThat(handler.count(org, ben)).isEqualTo(benBefore);
        assertThat(handler.count(UUID.fromString(other.orgId()), subject)).isEqualTo(elsewhereBefore);
        assertThat(http().get("/api/v1/users/" + benId, bearer(agency.accessToken()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theListenerReadsThePersonFromPrivacyErasesAndAnswersWithIdentitysOwnServiceToken() throws Exception {
        Account agency = signUp("Listeners");
        UUID org = UUID.fromString(agency.orgId());
        String email = "mia." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String miaId = link(agency.orgId(), email, "Mia Novak").get("userId").asString();

        // identity's own service account: a token it signed itself, for one organisation, role SERVICE.
        var claims = SignedJWT.parse(serviceAccount.tokenFor(org)).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("service:identity");
        assertThat(claims.getStringClaim("org")).isEqualTo(agency.orgId());
        assertThat(claims.getStringListClaim("roles")).containsExactly("SERVICE");

        UUID request = UUID.randomUUID();
        PRIVACY.stubFor(get(urlPathEqualTo("/api/v1/privacy/requests/" + request + "/subject"))
                .willReturn(okJson(GoldenEvents.JSON.writeValueAsString(
                        new DataSubject(request, "ERASURE", List.of(email), List.of(), "Mia Novak")))));
        PRIVACY.stubFor(put(urlPathEqualTo("/api/v1/privacy/requests/" + request + "/answers/identity"))
                .willReturn(aResponse().withStatus(204)));
        publish(
                DataSubjectRequestOpened.TOPIC,
                request.toString(),
                new DataSubjectRequestOpened(
                        request,
                        org,
                        DataSubjectRequestOpened.Type.ERASURE,
                        Instant.now().plus(Duration.ofDays(30)),
                        Instant.now()));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !PRIVACY.findAll(putRequestedFor(
                                urlPathEqualTo("/api/v1/privacy/requests/" + request + "/answers/identity")))
                        .isEmpty());
        LoggedRequest answer = PRIVACY.findAll(
                        putRequestedFor(urlPathEqualTo("/api/v1/privacy/requests/" + request + "/answers/identity")))
                .getFirst();
        JsonNode body = GoldenEvents.JSON.readTree(answer.getBodyAsString());
        assertThat(body.get("records").asInt()).isEqualTo(2); // the account and its link
        assertThat(body.get("remaining").asInt()).isZero();
        String bearerToken = answer.getHeader("Authorization").substring("Bearer ".length());
        assertThat(SignedJWT.parse(bearerToken).getJWTClaimsSet().getSubject()).isEqualTo("service:identity");
        assertThat(http().get("/api/v1/users/" + miaId, bearer(agency.accessToken()))
                        .status())
                .isEqualTo(404);
    }

    /** The organisation's rows (every table with an organization_id) that hold {@code needle} in any column. */
    List<String> traces(UUID organizationId, String needle) {
        return matches(organizationId, "strpos(lower(CAST(t AS text)), lower(:needle)) > 0", needle);
    }

    /** The same for a phone number's digits, whatever it was written with. */
    List<String> phoneTraces(UUID organizationId, String digits) {
        return matches(organizationId, "strpos(regexp_replace(CAST(t AS text), '\\D', '', 'g'), :needle) > 0", digits);
    }

    private List<String> matches(UUID organizationId, String condition, String needle) {
        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.columns
                        WHERE column_name = 'organization_id' AND table_schema = current_schema() ORDER BY table_name
                        """).query(String.class).list();
        assertThat(tables).contains("app_user", "sign_in_link", "refresh_token", "outbox_event");
        List<String> found = new ArrayList<>();
        for (String table : tables) {
            long rows = jdbc.sql("SELECT count(*) FROM " + table + " t WHERE t.organization_id = :org AND " + condition)
                    .param("org", organizationId)
                    .param("needle", needle)
                    .query(Long.class)
                    .single();
            if (rows > 0) {
                found.add(table + ": " + rows);
            }
        }
        return found;
    }

    void publish(String topic, String key, Object event) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record =
                    new ProducerRecord<>(topic, key, GoldenEvents.JSON.writeValueAsString(event));
            record.headers()
                    .add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }
}
