package io.openhire.communication;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.communication.events.MessageReplied;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestKafka;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * SMS through Twilio's Messages API as documented, emulated by WireMock (the request's form, basic auth), and its
 * webhooks signed as Twilio signs them: replies join the conversation, STOP suppresses and START lifts it,
 * delivery statuses arrive; forged webhooks and numbers that cannot take an SMS are refused.
 */
@DirtiesContext // its own context (SMS configured): closed after these tests, not left to the JVM's exit
class SmsIT extends CommunicationScenario {

    static final String SID = "AC00000000000000000000000000000001";
    static final String TOKEN = "twilio-auth-token";
    static final String FROM = "+15005550006";

    @DynamicPropertySource
    static void sms(DynamicPropertyRegistry registry) {
        registry.add("openhire.communication.sms.provider", () -> "twilio");
        registry.add("openhire.communication.sms.account-sid", () -> SID);
        registry.add("openhire.communication.sms.auth-token", () -> TOKEN);
        registry.add("openhire.communication.sms.from", () -> FROM);
        registry.add("openhire.communication.sms.base-url", SERVICES::baseUrl);
        // no quiet hours here (QuietHoursTest covers them): the test must not depend on the hour it runs at
        registry.add("openhire.communication.sms.quiet-from", () -> "00:00");
        registry.add("openhire.communication.sms.quiet-until", () -> "00:00");
        registry.add("openhire.communication.public-url", () -> "https://hire.example.test");
    }

    static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";

    /** An incoming SMS as Twilio posts it: a new message id, from the candidate's number to ours. */
    static Map<String, String> inbound(String from, String body) {
        return Map.of(
                "MessageSid",
                "SM" + UUID.randomUUID().toString().replace("-", ""),
                "From",
                from,
                "To",
                FROM,
                "Body",
                body);
    }

    /** A webhook as Twilio sends it: form-encoded, signed over the public URL and the sorted parameters. */
    TestHttp.Response webhook(String path, Map<String, String> params, boolean forged) throws Exception {
        StringBuilder data = new StringBuilder("https://hire.example.test/api/v1/communications/sms/twilio" + path);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec((forged ? "guess" : TOKEN).getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature =
                Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        String form = String.join(
                "&",
                params.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .toList());
        return http().postRaw(
                        "/api/v1/communications/sms/twilio" + path,
                        "application/x-www-form-urlencoded",
                        form.getBytes(StandardCharsets.UTF_8),
                        "X-Twilio-Signature",
                        signature);
    }

    @Test
    void aRecruiterTextsACandidateAndTheirReplyStopAndStartAreHonoured() throws Exception {
        // a number libphonenumber knows for a mobile one (0151: Telekom), whatever the random digits
        String mobile = "+49151" + (10_000_000 + (int) (Math.random() * 89_999_999));
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        SERVICES.stubFor(post(urlPathEqualTo(MESSAGES))
                .withRequestBody(containing("To=" + URLEncoder.encode(mobile, StandardCharsets.UTF_8)))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"" + sid + "\", \"status\": \"queued\"}")));
        UUID candidate = candidateWithPhones(
                "Lena Fischer", List.of("+49 30 12345678", mobile), "lena." + tag + "@example.test");

        TestHttp.Response sent = http().post(
                        "/api/v1/communications/send",
                        map(
                                "channel",
                                "SMS",
                                "candidateId",
                                candidate,
                                "body",
                                "Hi {{candidate.firstName}}, can we call?"),
                        bearer(recruiter));

        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        String messageId = sent.json().get("messageId").asString();
        JsonNode message = awaitStatus(messageId, "SENT");
        assertThat(message.get("to").asString()).isEqualTo(mobile); // the mobile, not the landline
        SERVICES.verify(postRequestedFor(urlPathEqualTo(MESSAGES))
                .withHeader(
                        "Authorization",
                        equalTo("Basic "
                                + Base64.getEncoder()
                                        .encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8))))
                .withRequestBody(containing("From=" + URLEncoder.encode(FROM, StandardCharsets.UTF_8)))
                .withRequestBody(containing("Body=Hi+Lena%2C+can+we+call%3F"))
                .withRequestBody(containing("StatusCallback="
                        + URLEncoder.encode(
                                "https://hire.example.test/api/v1/communications/sms/twilio/status",
                                StandardCharsets.UTF_8))));

        assertThat(webhook("/status", Map.of("MessageSid", sid, "MessageStatus", "delivered"), false)
                        .status())
                .isEqualTo(204);
        awaitStatus(messageId, "DELIVERED");

        Map<String, String> reply = inbound(mobile, "Yes, after 5pm please");
        assertThat(webhook("/inbound", reply, true).status()).isEqualTo(403); // forged: nothing recorded
        TestHttp.Response answered = webhook("/inbound", reply, false);
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body()).contains("<Response></Response>");
        webhook("/inbound", reply, false); // delivered twice: recorded once
        JsonNode thread = http().get("/api/v1/communications/threads/" + candidate, bearer(recruiter))
                .json();
        assertThat(thread).hasSize(2);
        assertThat(thread.get(1).get("body").asString()).isEqualTo("Yes, after 5pm please");
        assertThat(thread.get(1).get("channel").asString()).isEqualTo("SMS");
        assertThat(TestKafka.read(MessageReplied.TOPIC, r -> r.value().contains(messageId), 1))
                .hasSize(1);

        webhook("/inbound", inbound(mobile, "STOP"), false);
        TestHttp.Response refused = http().post(
                        "/api/v1/communications/send",
                        map("channel", "SMS", "candidateId", candidate, "body", "One more thing"),
                        bearer(recruiter));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("/suppressed");

        webhook("/inbound", inbound(mobile, "start"), false);
        assertThat(http().post(
                                "/api/v1/communications/send",
                                map("channel", "SMS", "candidateId", candidate, "body", "Welcome back"),
                                bearer(recruiter))
                        .status())
                .isEqualTo(202);
    }

    @Test
    void numbersThatCannotTakeAnSmsAreRefusedAndNothingIsSent() {
        UUID landlineOnly =
                candidateWithPhones("Otto Festnetz", List.of("+49 30 12345678"), "otto." + tag + "@example.test");
        TestHttp.Response noMobile = http().post(
                        "/api/v1/communications/send",
                        map("channel", "SMS", "candidateId", landlineOnly, "body", "Hello"),
                        bearer(recruiter));
        assertThat(noMobile.status()).isEqualTo(422);
        assertThat(noMobile.json().get("type").asString()).endsWith("/no-address");
        for (String to : List.of("12", "not a number", "+49 30 12345678")) {
            TestHttp.Response bad = http().post(
                            "/api/v1/communications/send",
                            map("channel", "SMS", "to", to, "body", "Hello"),
                            bearer(recruiter));
            assertThat(bad.status()).as(to).isEqualTo(400);
        }
        TestHttp.Response withSubject = http().post(
                        "/api/v1/communications/send",
                        map("channel", "SMS", "to", "+4915123456789", "subject", "Hi", "body", "Hello"),
                        bearer(recruiter));
        assertThat(withSubject.status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM message WHERE organization_id = :org")
                        .param("org", org)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
