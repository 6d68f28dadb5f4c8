package io.openhire.identity;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.openhire.identity.events.OrganizationRegistered;
import io.openhire.identity.events.UserAdded;
import io.openhire.identity.keys.SigningKeys;
import io.openhire.platform.events.EventHeaders;
import io.openhire.platform.test.GoldenEvents;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestKafka;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** identity's API as a client uses it: sign up, sign in, profile, users, API keys, tokens. */
@SpringBootTest(
        classes = IdentityTestApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = IdentityTestApp.NAME)
@DirtiesContext // its consumers (privacy.request-opened.v1) leave before another test class's context starts
class IdentityIT {

    static final String PASSWORD = "a long and private passphrase";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IdentityTestApp.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    record Account(String orgId, String userId, String email, String accessToken, String refreshToken) {}

    Account signUp(String organization) {
        String email =
                "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@" + organization.toLowerCase() + ".test";
        TestHttp.Response registered = http().post(
                        "/api/v1/users/register",
                        map("organization", organization, "name", "Alex Admin", "email", email, "password", PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(202);
        JsonNode tokens = login(email, PASSWORD).json();
        JsonNode profile = http().get(
                        "/api/v1/users/profile",
                        bearer(tokens.get("access_token").asString()))
                .json();
        return new Account(
                profile.get("organization").get("id").asString(),
                profile.get("id").asString(),
                email,
                tokens.get("access_token").asString(),
                tokens.get("refresh_token").asString());
    }

    TestHttp.Response login(String email, String password) {
        return http().post("/api/v1/users/login", map("email", email, "password", password));
    }

    @Test
    void aNewOrganisationSignsUpSignsInAndReadsItsProfile() {
        String email = "Dana.Recruiter@Northwind.test";
        TestHttp.Response registered = http().post(
                        "/api/v1/users/register",
                        map(
                                "organization",
                                "Northwind Talent",
                                "name",
                                "Dana Reyes",
                                "email",
                                email,
                                "password",
                                PASSWORD));

        assertThat(registered.status()).isEqualTo(202);
        assertThat(registered.json().get("message").asString()).contains("sign in");
        assertThat(registered.body()).doesNotContain("password\"").doesNotContain("argon");

        TestHttp.Response login = login(email.toLowerCase(), PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("token_type").asString()).isEqualTo("Bearer");
        assertThat(login.json().get("expires_in").asInt()).isEqualTo(900);
        assertThat(login.json().get("refresh_token").asString()).startsWith("ohr_");
        assertThat(login.header("Cache-Control")).contains("no-store");

        TestHttp.Response profile = http().get(
                        "/api/v1/users/profile",
                        bearer(login.json().get("access_token").asString()));
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.json().get("email").asString()).isEqualTo(email);
        assertThat(profile.json().get("organization").get("name").asString()).isEqualTo("Northwind Talent");
        assertThat(profile.json().get("role").asString()).isEqualTo("ADMIN");
    }

    @Test
    void theProfileCanBeUpdatedWithValidValuesOnly() {
        Account account = signUp("Updaters");

        TestHttp.Response updated = http().patch(
                        "/api/v1/users/profile",
                        map(
                                "title",
                                "Head of Talent",
                                "phone",
                                "+44 20 7946 0958",
                                "timeZone",
                                "Europe/London",
                                "locale",
                                "en-GB"),
                        bearer(account.accessToken()));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("title").asString()).isEqualTo("Head of Talent");
        assertThat(updated.json().get("name").asString()).isEqualTo("Alex Admin");

        TestHttp.Response bad = http().patch(
                        "/api/v1/users/profile",
                        map("timeZone", "Mars/Olympus", "phone", "call me"),
                        bearer(account.accessToken()));
        assertThat(bad.status()).isEqualTo(400);
        TestHttp.Response badZone =
                http().patch("/api/v1/users/profile", map("timeZone", "Mars/Olympus"), bearer(account.accessToken()));
        assertThat(badZone.json().get("errors").findValuesAsString("field")).containsExactly("timeZone");
        assertThat(http().get("/api/v1/users/profile", bearer(account.accessToken()))
                        .json()
                        .get("timeZone")
                        .asString())
                .isEqualTo("Europe/London");
    }

    @Test
    void registrationRefusesBadInputWithTheFieldsAtFault() {
        TestHttp.Response missing = http().post("/api/v1/users/register", map("email", "not-an-email"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsString("field"))
                .contains("email", "name", "organization", "password");

        TestHttp.Response weak = http().post(
                        "/api/v1/users/register",
                        map(
                                "organization",
                                "Weak",
                                "name",
                                "Wendy",
                                "email",
                                "wendy@weak.test",
                                "password",
                                "password1234"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(login("wendy@weak.test", "password1234").status()).isEqualTo(401);
    }

    @Test
    void anEmailAddressHasOneAccountWhateverItsCase() {
        Account account = signUp("Dupes");

        TestHttp.Response again = http().post(
                        "/api/v1/users/register",
                        map(
                                "organization",
                                "Other",
                                "name",
                                "Someone",
                                "email",
                                account.email().toUpperCase(),
                                "password",
                                PASSWORD));

        // The same answer as a free address gets: sign-up does not tell a stranger who has an account.
        String freeAddress = "free-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        TestHttp.Response fresh = http().post(
                        "/api/v1/users/register",
                        map("organization", "Other", "name", "Someone", "email", freeAddress, "password", PASSWORD));
        assertThat(again.status()).isEqualTo(fresh.status()).isEqualTo(202);
        assertThat(again.json().get("message")).isEqualTo(fresh.json().get("message"));
        // ... and nothing changed: the account keeps its organisation and its password.
        JsonNode profile = http().get(
                        "/api/v1/users/profile",
                        bearer(login(account.email(), PASSWORD)
                                .json()
                                .get("access_token")
                                .asString()))
                .json();
        assertThat(profile.get("organization").get("id").asString()).isEqualTo(account.orgId());
    }

    @Test
    void simultaneousSignUpsWithOneEmailGiveOneAccountAndNoErrors() throws Exception {
        String email = "race-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        List<java.util.concurrent.Callable<Integer>> attempts = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String organization = "Racer " + i;
            attempts.add(() -> http().post(
                            "/api/v1/users/register",
                            map("organization", organization, "name", "Rae Cer", "email", email, "password", PASSWORD))
                    .status());
        }
        List<Integer> statuses;
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            statuses = pool.invokeAll(attempts).stream()
                    .map(java.util.concurrent.Future::resultNow)
                    .toList();
        }

        assertThat(statuses).containsOnly(202);
        assertThat(login(email, PASSWORD).status())
                .as("exactly one account, and it works")
                .isEqualTo(200);
    }

    @Test
    void aServiceWithItsSecretGetsATokenForOneOrganisationOnly() throws Exception {
        Account account = signUp("Serviced");

        TestHttp.Response issued = http().post(
                        "/api/v1/users/service-token",
                        map(
                                "client_id",
                                "resume-processing",
                                "client_secret",
                                IdentityTestApp.SERVICE_SECRET,
                                "organization_id",
                                account.orgId()));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        var claims =
                SignedJWT.parse(issued.json().get("access_token").asString()).getJWTClaimsSet();
        assertThat(claims.getStringClaim("org")).isEqualTo(account.orgId());
        assertThat(claims.getStringListClaim("roles")).containsExactly("SERVICE");
        assertThat(claims.getStringClaim("sub_kind")).isEqualTo("service");
        assertThat(claims.getSubject()).isEqualTo("service:resume-processing");

        TestHttp.Response wrongSecret = http().post(
                        "/api/v1/users/service-token",
                        map(
                                "client_id",
                                "resume-processing",
                                "client_secret",
                                "guessed",
                                "organization_id",
                                account.orgId()));
        assertThat(wrongSecret.status()).isEqualTo(401);
        TestHttp.Response unknownService = http().post(
                        "/api/v1/users/service-token",
                        map(
                                "client_id",
                                "not-a-service",
                                "client_secret",
                                IdentityTestApp.SERVICE_SECRET,
                                "organization_id",
                                account.orgId()));
        assertThat(unknownService.status()).isEqualTo(401);
        TestHttp.Response unknownOrganisation = http().post(
                        "/api/v1/users/service-token",
                        map(
                                "client_id",
                                "resume-processing",
                                "client_secret",
                                IdentityTestApp.SERVICE_SECRET,
                                "organization_id",
                                UUID.randomUUID().toString()));
        assertThat(unknownOrganisation.status()).isEqualTo(404);
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

    @Test
    void aCandidateSignsInOnceWithALinkAServiceAskedForAndOnePersonIsACandidateOfSeveralOrganisations()
            throws Exception {
        Account agency = signUp("Linkers");
        Account other = signUp("OtherLinkers");
        String email = "cand-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        // Only a service asks for links: a person (even an admin) cannot mint one.
        TestHttp.Response byAdmin =
                http().post("/api/v1/users/sign-in-links", map("email", email), bearer(agency.accessToken()));
        assertThat(byAdmin.status()).isEqualTo(403);
        String service = serviceToken(agency.orgId());
        assertThat(http().post("/api/v1/users/sign-in-links", map("email", "not an address"), bearer(service))
                        .status())
                .isEqualTo(400);
        // A staff login of the organisation is not made a candidate.
        TestHttp.Response staff =
                http().post("/api/v1/users/sign-in-links", map("email", agency.email()), bearer(service));
        assertThat(staff.status()).as(staff.body()).isEqualTo(409);

        TestHttp.Response link = http().post(
                        "/api/v1/users/sign-in-links", map("email", email, "name", "Cara Candidate"), bearer(service));
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        String token = link.json().get("token").asString();
        String userId = link.json().get("userId").asString();

        TestHttp.Response signedIn = http().post("/api/v1/users/sign-in-links/redeem", map("token", token));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        var claims =
                SignedJWT.parse(signedIn.json().get("access_token").asString()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(userId);
        assertThat(claims.getStringClaim("org")).isEqualTo(agency.orgId());
        assertThat(claims.getStringListClaim("roles")).containsExactly("CANDIDATE");
        assertThat(signedIn.json().get("refresh_token").asString()).isNotBlank();
        // Once only; an unknown link the same.
        assertThat(http().post("/api/v1/users/sign-in-links/redeem", map("token", token))
                        .status())
                .isEqualTo(401);
        assertThat(http().post("/api/v1/users/sign-in-links/redeem", map("token", "ohl_made-up"))
                        .status())
                .isEqualTo(401);
        assertThat(http().post("/api/v1/users/sign-in-links/redeem", map("token", ""))
                        .status())
                .isEqualTo(400);

        // A second link opens the same account; another organisation's link another account for the same address.
        TestHttp.Response again = http().post("/api/v1/users/sign-in-links", map("email", email), bearer(service));
        assertThat(again.json().get("userId").asString()).isEqualTo(userId);
        TestHttp.Response elsewhere =
                http().post("/api/v1/users/sign-in-links", map("email", email), bearer(serviceToken(other.orgId())));
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(200);
        assertThat(elsewhere.json().get("userId").asString()).isNotEqualTo(userId);
        // …and the address can still become someone's login by signing up.
        TestHttp.Response registered = http().post(
                        "/api/v1/users/register",
                        map("organization", "Own Firm", "name", "Cara", "email", email, "password", PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(202);
        assertThat(login(email, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsAndUnknownEmailsGetTheSameAnswer() {
        Account account = signUp("Guessers");

        TestHttp.Response wrong = login(account.email(), "not the password at all");
        TestHttp.Response unknown = login("nobody-" + UUID.randomUUID() + "@nowhere.test", PASSWORD);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().get("type")).isEqualTo(unknown.json().get("type"));
        assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    }

    @Test
    void repeatedFailuresLockTheAccountEvenAgainstTheRightPassword() {
        Account account = signUp("Lockers");
        for (int i = 0; i < 5; i++) {
            assertThat(login(account.email(), "wrong password " + i).status()).isEqualTo(401);
        }

        TestHttp.Response locked = login(account.email(), PASSWORD);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().get("type").asString()).endsWith("/account-locked");
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 31);

        // Each attempt is in the organisation's audit log, as tried on this account: the sign-up's sign-in, five
        // wrong passwords, one refused while locked. No address or password in any of them.
        List<ConsumerRecord<String, String>> attempts = TestKafka.read(
                io.openhire.platform.audit.AuditRecorded.TOPIC, r -> r.key().equals(account.orgId()), 7);
        assertThat(attempts)
                .extracting(r -> GoldenEvents.JSON
                        .readValue(r.value(), io.openhire.platform.audit.AuditRecorded.class)
                        .result()
                        .name())
                .containsExactly("SUCCESS", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "DENIED");
        assertThat(attempts)
                .allSatisfy(r -> assertThat(r.value())
                        .contains("\"action\":\"user.signed-in\"", "\"actor\":\"user:" + account.userId())
                        .doesNotContain(account.email(), PASSWORD));
    }

    @Test
    void anAddressWithoutAnAccountLocksLikeOneWithAnAccount() {
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@nowhere.test";
        for (int i = 0; i < 5; i++) {
            assertThat(login(unknown, "wrong password " + i).status()).isEqualTo(401);
        }

        TestHttp.Response locked = login(unknown, PASSWORD);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().get("type").asString()).endsWith("/account-locked");
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 31);
    }

    @Test
    void controlCharactersInSignInAndSignUpAreA400NotA500() {
        TestHttp.Response login =
                http().post("/api/v1/users/login", "{\"email\":\"a\\u0000@x.test\",\"password\":\"x\"}");
        TestHttp.Response register = http().post(
                        "/api/v1/users/register",
                        map("organization", "Nul\u0000Org", "name", "N", "email", "n@nul.test", "password", PASSWORD));

        assertThat(login.status()).isEqualTo(400);
        assertThat(login.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(register.status()).isEqualTo(400);
        assertThat(register.json().get("errors").get(0).get("field").asString()).isEqualTo("organization");
    }

    @Test
    void disablingAUserEndsTheirSessionsTheirApiKeysAndTheirAccessTokensAtOnce() {
        Account owner = signUp("Disablers");
        String email = "second-admin-" + UUID.randomUUID().toString().substring(0, 6) + "@disablers.test";
        TestHttp.Response added = http().post(
                        "/api/v1/users",
                        map("email", email, "name", "Sam Second", "role", "ADMIN", "password", PASSWORD),
                        bearer(owner.accessToken()));
        String secondId = added.json().get("user").get("id").asString();
        JsonNode session = login(email, PASSWORD).json();
        String access = session.get("access_token").asString();
        String key = http().post(
                        "/api/v1/users/api-keys",
                        map("name", "their script", "roles", List.of("ADMIN")),
                        bearer(access))
                .json()
                .get("key")
                .asString();
        String keyToken = http().post("/api/v1/users/token", map("api_key", key))
                .json()
                .get("access_token")
                .asString();
        assertThat(http().get("/api/v1/users", bearer(keyToken)).status()).isEqualTo(200);

        TestHttp.Response disabled =
                http().patch("/api/v1/users/" + secondId, map("status", "DISABLED"), bearer(owner.accessToken()));
        assertThat(disabled.status()).isEqualTo(200);
        // The key made and the account disabled are in the audit log, by whom (the security service watches them).
        assertThat(jdbc.sql(
                                "SELECT payload FROM outbox_event WHERE topic = 'audit.recorded.v1' AND organization_id = :org")
                        .param("org", UUID.fromString(owner.orgId()))
                        .query(String.class)
                        .list())
                .anySatisfy(p -> assertThat(p).contains("\"api-key.created\""))
                .anySatisfy(p -> assertThat(p)
                        .contains(
                                "\"user.status-changed\"",
                                "\"resourceId\":\"" + secondId + "\"",
                                "user:" + owner.userId()));

        assertThat(http().get("/api/v1/users/profile", bearer(access)).status()).isEqualTo(401);
        assertThat(http().post(
                                "/api/v1/users/refresh",
                                map(
                                        "refresh_token",
                                        session.get("refresh_token").asString()))
                        .status())
                .isEqualTo(401);
        assertThat(http().post("/api/v1/users/token", map("api_key", key)).status())
                .isEqualTo(401);
        // The key's token was the probe's way in: it made a new ADMIN after its owner was disabled.
        assertThat(http().post(
                                "/api/v1/users",
                                map(
                                        "email",
                                        "sneaky@disablers.test",
                                        "name",
                                        "Sneaky",
                                        "role",
                                        "ADMIN",
                                        "password",
                                        PASSWORD),
                                bearer(keyToken))
                        .status())
                .isEqualTo(401);
        // Every service learns it from the published list (hashed subjects).
        assertThat(http().get("/.well-known/revocations").body())
                .contains(io.openhire.platform.crypto.Sha256.hex(secondId))
                .doesNotContain(secondId);
        assertThat(http().get("/api/v1/users/profile", bearer(owner.accessToken()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void changingAPasswordEndsEveryOtherSession() {
        Account account = signUp("Changers");
        JsonNode laptop = login(account.email(), PASSWORD).json();
        JsonNode phone = login(account.email(), PASSWORD).json();

        TestHttp.Response changed = http().post(
                        "/api/v1/users/profile/password",
                        map("currentPassword", PASSWORD, "newPassword", "another long private passphrase"),
                        bearer(laptop.get("access_token").asString()));
        assertThat(changed.status()).isEqualTo(204);

        assertThat(http().post(
                                "/api/v1/users/refresh",
                                map("refresh_token", phone.get("refresh_token").asString()))
                        .status())
                .isEqualTo(401);
        assertThat(http().post("/api/v1/users/refresh", map("refresh_token", account.refreshToken()))
                        .status())
                .isEqualTo(401);
        assertThat(http().post(
                                "/api/v1/users/refresh",
                                map("refresh_token", laptop.get("refresh_token").asString()))
                        .status())
                .as("the session that changed it goes on")
                .isEqualTo(200);
    }

    static List<String> roles(String accessToken) throws Exception {
        return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringListClaim("roles");
    }

    @Test
    void platformOperatorsComeFromTheBootstrapOrAnotherOperatorNeverFromSignUp() throws Exception {
        Account admin = signUp("Ordinary");
        assertThat(roles(admin.accessToken())).containsExactly("ADMIN");
        assertThat(http().get("/api/v1/users/operators", bearer(admin.accessToken()))
                        .status())
                .isEqualTo(403);
        assertThat(http().post("/api/v1/users/operators", map("email", admin.email()), bearer(admin.accessToken()))
                        .status())
                .isEqualTo(403);

        // The bootstrap operator was created by identity before it took requests, so nobody could sign up
        // with the address first; signing up with it now changes nothing.
        http().post(
                        "/api/v1/users/register",
                        map(
                                "organization",
                                "Squatters",
                                "name",
                                "Sam Squat",
                                "email",
                                IdentityTestApp.OPERATOR,
                                "password",
                                "a squatter's long passphrase"));
        assertThat(login(IdentityTestApp.OPERATOR, "a squatter's long passphrase")
                        .status())
                .isEqualTo(401);
        String operator = login(IdentityTestApp.OPERATOR, PASSWORD)
                .json()
                .get("access_token")
                .asString();
        assertThat(roles(operator)).containsExactly("ADMIN", "PLATFORM_OPERATOR");

        // ... and grants the role to someone else, who has it from their next sign-in.
        TestHttp.Response granted =
                http().post("/api/v1/users/operators", map("email", admin.email()), bearer(operator));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        String promoted =
                login(admin.email(), PASSWORD).json().get("access_token").asString();
        assertThat(roles(promoted)).containsExactly("ADMIN", "PLATFORM_OPERATOR");
        assertThat(http().get("/api/v1/users/operators", bearer(promoted)).body())
                .contains(admin.email(), IdentityTestApp.OPERATOR);

        // Withdrawn: the token carrying the role stops working at once.
        assertThat(http().delete("/api/v1/users/operators/" + admin.userId(), bearer(operator))
                        .status())
                .isEqualTo(204);
        assertThat(http().get("/api/v1/users/operators", bearer(promoted)).status())
                .isEqualTo(401);
        assertThat(roles(login(admin.email(), PASSWORD)
                        .json()
                        .get("access_token")
                        .asString()))
                .containsExactly("ADMIN");

        assertThat(http().delete("/api/v1/users/operators/" + admin.userId(), bearer(operator))
                        .status())
                .as("no longer an operator")
                .isEqualTo(404);
    }

    @Test
    void refreshTokensRotateAndAReusedOneEndsTheSession() {
        Account account = signUp("Refreshers");

        TestHttp.Response refreshed =
                http().post("/api/v1/users/refresh", map("refresh_token", account.refreshToken()));
        assertThat(refreshed.status()).isEqualTo(200);
        String next = refreshed.json().get("refresh_token").asString();
        assertThat(next).isNotEqualTo(account.refreshToken());
        assertThat(http().get(
                                "/api/v1/users/profile",
                                bearer(refreshed.json().get("access_token").asString()))
                        .status())
                .isEqualTo(200);

        // The old token again: it was stolen, or replayed. Both it and its successor stop working.
        TestHttp.Response replay = http().post("/api/v1/users/refresh", map("refresh_token", account.refreshToken()));
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().get("type").asString()).endsWith("/invalid-refresh-token");
        assertThat(http().post("/api/v1/users/refresh", map("refresh_token", next))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Account account = signUp("Leavers");

        assertThat(http().post("/api/v1/users/logout", map("refresh_token", account.refreshToken()))
                        .status())
                .isEqualTo(204);

        assertThat(http().post("/api/v1/users/refresh", map("refresh_token", account.refreshToken()))
                        .status())
                .isEqualTo(401);
        assertThat(http().post("/api/v1/users/logout", map("refresh_token", "ohr_unknown"))
                        .status())
                .isEqualTo(204);
    }

    @Test
    void adminsAddUsersWithARoleOrInviteThem() {
        Account admin = signUp("Growers");
        String recruiterEmail = "rita-" + UUID.randomUUID().toString().substring(0, 6) + "@growers.test";

        TestHttp.Response added = http().post(
                        "/api/v1/users",
                        map(
                                "email",
                                recruiterEmail,
                                "name",
                                "Rita Recruiter",
                                "role",
                                "RECRUITER",
                                "password",
                                PASSWORD),
                        bearer(admin.accessToken()));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("user").get("status").asString()).isEqualTo("ACTIVE");
        String recruiterToken =
                login(recruiterEmail, PASSWORD).json().get("access_token").asString();
        assertThat(http().get("/api/v1/users/profile", bearer(recruiterToken))
                        .json()
                        .get("role")
                        .asString())
                .isEqualTo("RECRUITER");

        String clientEmail = "carl-" + UUID.randomUUID().toString().substring(0, 6) + "@client.test";
        TestHttp.Response invited = http().post(
                        "/api/v1/users",
                        map("email", clientEmail, "name", "Carl Client", "role", "CLIENT"),
                        bearer(admin.accessToken()));
        assertThat(invited.json().get("user").get("status").asString()).isEqualTo("INVITED");
        String invitation = invited.json().get("invitationToken").asString();
        assertThat(login(clientEmail, PASSWORD).status()).isEqualTo(401);

        TestHttp.Response accepted =
                http().post("/api/v1/users/invitations/accept", map("token", invitation, "password", PASSWORD));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(login(clientEmail, PASSWORD).status()).isEqualTo(200);
        assertThat(http().post("/api/v1/users/invitations/accept", map("token", invitation, "password", PASSWORD))
                        .status())
                .isEqualTo(400);

        // Only administrators manage users.
        assertThat(http().get("/api/v1/users", bearer(recruiterToken)).status()).isEqualTo(403);
        assertThat(http().post(
                                "/api/v1/users",
                                map("email", "x@growers.test", "name", "X", "role", "ADMIN", "password", PASSWORD),
                                bearer(recruiterToken))
                        .status())
                .isEqualTo(403);
        assertThat(http().get("/api/v1/users", bearer(admin.accessToken()))
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(3);

        // Whom a note can mention: the staff by name (not the client), for recruiters too; no email addresses.
        TestHttp.Response colleagues = http().get("/api/v1/users/colleagues", bearer(recruiterToken));
        assertThat(colleagues.status()).isEqualTo(200);
        assertThat(colleagues.json()).hasSize(2);
        assertThat(colleagues.body()).contains("Rita Recruiter").doesNotContain("Carl Client", recruiterEmail);
        String clientToken =
                login(clientEmail, PASSWORD).json().get("access_token").asString();
        assertThat(http().get("/api/v1/users/colleagues", bearer(clientToken)).status())
                .isEqualTo(403);
    }

    @Test
    void noOneSeesOrChangesAnotherOrganisationsUsers() {
        Account alpha = signUp("Alpha");
        Account beta = signUp("Beta");

        TestHttp.Response peek = http().get("/api/v1/users/" + alpha.userId(), bearer(beta.accessToken()));
        assertThat(peek.status()).isEqualTo(404);
        assertThat(peek.body()).doesNotContain(alpha.email());

        TestHttp.Response demote =
                http().patch("/api/v1/users/" + alpha.userId(), map("status", "DISABLED"), bearer(beta.accessToken()));
        assertThat(demote.status()).isEqualTo(404);
        assertThat(login(alpha.email(), PASSWORD).status()).isEqualTo(200);

        JsonNode betaUsers =
                http().get("/api/v1/users", bearer(beta.accessToken())).json();
        assertThat(betaUsers.get("items").findValuesAsString("email")).containsExactly(beta.email());
        assertThat(http().get("/api/v1/users/profile", bearer(beta.accessToken()))
                        .json()
                        .get("organization")
                        .get("id")
                        .asString())
                .isEqualTo(beta.orgId());
    }

    @Test
    void anOrganisationKeepsAnActiveAdministrator() {
        Account admin = signUp("Solo");

        TestHttp.Response demote =
                http().patch("/api/v1/users/" + admin.userId(), map("role", "RECRUITER"), bearer(admin.accessToken()));

        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.json().get("type").asString()).endsWith("/last-admin");
    }

    @Test
    void apiKeysAreShownOnceAndBuyTokensScopedToTheirOrganisationAndRoles() {
        Account admin = signUp("Machines");

        TestHttp.Response created = http().post(
                        "/api/v1/users/api-keys",
                        map("name", "ATS sync", "roles", List.of("RECRUITER")),
                        bearer(admin.accessToken()));
        assertThat(created.status()).isEqualTo(201);
        String key = created.json().get("key").asString();
        assertThat(key).startsWith("ohk_");
        assertThat(http().get("/api/v1/users/api-keys", bearer(admin.accessToken()))
                        .body())
                .doesNotContain(key);

        TestHttp.Response token = http().post("/api/v1/users/token", map("api_key", key));
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().has("refresh_token")).isFalse();
        String machine = token.json().get("access_token").asString();
        // A RECRUITER key cannot manage users, and has no personal profile.
        assertThat(http().get("/api/v1/users", bearer(machine)).status()).isEqualTo(403);
        assertThat(http().get("/api/v1/users/profile", bearer(machine)).status())
                .isEqualTo(403);

        String id = created.json().get("apiKey").get("id").asString();
        Account stranger = signUp("Strangers");
        assertThat(http().get("/api/v1/users/api-keys", bearer(stranger.accessToken()))
                        .body())
                .doesNotContain(id);
        assertThat(http().delete("/api/v1/users/api-keys/" + id, bearer(stranger.accessToken()))
                        .status())
                .isEqualTo(404);
        assertThat(http().post("/api/v1/users/token", map("api_key", key)).status())
                .isEqualTo(200);
        assertThat(http().delete("/api/v1/users/api-keys/" + id, bearer(admin.accessToken()))
                        .status())
                .isEqualTo(204);
        assertThat(http().post("/api/v1/users/token", map("api_key", key)).status())
                .isEqualTo(401);
    }

    @Test
    void tokensSignedBeforeAKeyRotationStayValidUntilTheyExpire() throws Exception {
        Account account = signUp("Rotators");
        String oldKid = SignedJWT.parse(account.accessToken()).getHeader().getKeyID();

        String newKid = signingKeys.rotate();

        String fresh =
                login(account.email(), PASSWORD).json().get("access_token").asString();
        assertThat(SignedJWT.parse(fresh).getHeader().getKeyID())
                .isEqualTo(newKid)
                .isNotEqualTo(oldKid);
        assertThat(http().get("/api/v1/users/profile", bearer(account.accessToken()))
                        .status())
                .isEqualTo(200);
        assertThat(http().get("/api/v1/users/profile", bearer(fresh)).status()).isEqualTo(200);
        JsonNode jwks = http().get("/.well-known/jwks.json").json();
        assertThat(jwks.get("keys").findValuesAsString("kid")).contains(oldKid, newKid);
        assertThat(jwks.toString()).doesNotContain("\"d\"");
    }

    @Test
    void signingUpPublishesEventsWithoutPersonalDataCarryingTheRequestId() {
        String email = "eve-" + UUID.randomUUID().toString().substring(0, 8) + "@eventful.test";
        TestHttp.Response signUp = http().post(
                        "/api/v1/users/register",
                        map("organization", "Eventful", "name", "Eve Event", "email", email, "password", PASSWORD),
                        "X-Request-Id",
                        "signup-request-42");
        assertThat(signUp.status()).isEqualTo(202);
        JsonNode profile = http().get(
                        "/api/v1/users/profile",
                        bearer(login(email, PASSWORD).json().get("access_token").asString()))
                .json();
        String orgId = profile.get("organization").get("id").asString();
        String userId = profile.get("id").asString();

        List<ConsumerRecord<String, String>> registered =
                TestKafka.read(OrganizationRegistered.TOPIC, r -> r.key().equals(orgId), 1);
        List<ConsumerRecord<String, String>> added =
                TestKafka.read(UserAdded.TOPIC, r -> r.key().equals(userId), 1);

        assertThat(registered).hasSize(1);
        assertThat(registered.getFirst().value()).contains("Eventful").doesNotContain(email);
        assertThat(TestKafka.header(registered.getFirst(), EventHeaders.ORGANIZATION_ID))
                .isEqualTo(orgId);
        assertThat(TestKafka.header(registered.getFirst(), EventHeaders.REQUEST_ID))
                .isEqualTo("signup-request-42");
        assertThat(added).hasSize(1);
        assertThat(added.getFirst().value()).contains("\"role\":\"ADMIN\"").doesNotContain(email);
    }
}
