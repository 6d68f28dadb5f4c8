package io.openhire.communication;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openhire.communication.consent.Suppressions;
import io.openhire.platform.test.TestHttp;
import io.openhire.privacy.client.DataSubject;
import io.openhire.privacy.client.DataSubjectHandler;
import io.openhire.privacy.client.SubjectAnswer;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Data-subject requests: a candidate's conversation (email both ways, a reply from another address, a logged
 * call, a bulk send), their booked interview with the recruiter's copy, their consent and their suppressions are
 * found by their address and number, given out on access and erased; someone else's message that names them is
 * redacted, not deleted; another person and another organisation keep everything; the suppression stays as a
 * keyed hash and still stops sending.
 */
class DataSubjectsIT extends CommunicationScenario {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    DataSubjectHandler handler;

    @Autowired
    Suppressions suppressions;

    @Autowired
    TransactionTemplate transactions;

    @Test
    @SuppressWarnings("unchecked")
    void accessGivesOutThePersonsRecordsAndErasureRemovesThemButKeepsTheirSuppressionAsAHash() throws Exception {
        String email = "mira." + tag + "@example.test";
        String digits = "127384950"; // the last nine digits of her number
        String e164 = "+4915127384950";
        String otherEmail = "tom." + tag + "@example.test";
        UUID mira = candidateWithPhones("Mira Kowalski", List.of("+49 151 27384950"), email);
        UUID tom = candidate("Tom Berger", otherEmail);
        String singleKey = "dsr-single-" + tag;
        String bulkKey = "dsr-bulk-" + tag;

        // an email to her (with an Idempotency-Key), her reply, and a reply from another address of hers
        TestHttp.Response sent = http().post(
                        "/api/v1/communications/send",
                        map(
                                "channel",
                                "EMAIL",
                                "candidateId",
                                mira,
                                "subject",
                                "Your application",
                                "body",
                                "Hello {{candidate.firstName}}, could we talk?"),
                        bearer(recruiter)[0],
                        bearer(recruiter)[1],
                        "Idempotency-Key",
                        singleKey);
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        MimeMessage first = received(email);
        deliverToReplies(reply(first, email, "Yes, Thursday works. Mira Kowalski, " + "+49 151 27384950"));
        deliverToReplies(reply(first, "m.k." + tag + "@home.example.test", "Or Friday, from my home address."));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> http().get("/api/v1/communications/threads/" + mira, bearer(recruiter))
                                .json()
                                .size()
                        == 3);
        // a call logged with her number as her resume gives it
        assertThat(http().post(
                                "/api/v1/communications/calls",
                                map("candidateId", mira, "outcome", "CONNECTED", "notes", "Talked about the role"),
                                bearer(recruiter))
                        .status())
                .isEqualTo(201);
        // a bulk send to her and Tom
        TestHttp.Response bulk = http().post(
                        "/api/v1/communications/send/bulk",
                        map(
                                "channel",
                                "EMAIL",
                                "candidateIds",
                                List.of(mira, tom),
                                "subject",
                                "Next steps",
                                "body",
                                "Dear {{candidate.name}}"),
                        bearer(recruiter)[0],
                        bearer(recruiter)[1],
                        "Idempotency-Key",
                        bulkKey);
        assertThat(bulk.status()).as(bulk.body()).isEqualTo(202);
        // an interview she books: her invitation, her confirmation and the recruiter's copy
        String interview = bookedInterview(mira);
        // her marketing consent, and Tom's
        consent(email, admin);
        consent(otherEmail, admin);
        // a colleague's message to Tom that names her address and number
        TestHttp.Response mention = http().post(
                        "/api/v1/communications/send",
                        map(
                                "channel",
                                "EMAIL",
                                "to",
                                otherEmail,
                                "subject",
                                "Referral",
                                "body",
                                "Please also copy " + email + " and call +49 151 2738 4950."),
                        bearer(recruiter));
        assertThat(mention.status()).as(mention.body()).isEqualTo(202);
        UUID mentionId = UUID.fromString(mention.json().get("messageId").asString());
        // she unsubscribes, and her number said STOP
        String link = first.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
        assertThat(http().postRaw(
                                link.substring(link.indexOf("/api/")),
                                "application/x-www-form-urlencoded",
                                "List-Unsubscribe=One-Click".getBytes())
                        .status())
                .isEqualTo(200);
        suppressions.add(org, e164, Suppressions.Reason.STOPPED, null);
        // the same person in another organisation
        UUID otherOrg = UUID.randomUUID();
        String otherRecruiter = TOKENS.token(UUID.randomUUID(), otherOrg, "RECRUITER");
        assertThat(http().post(
                                "/api/v1/communications/send",
                                map("channel", "EMAIL", "to", email, "subject", "Hello", "body", "Hi"),
                                bearer(otherRecruiter))
                        .status())
                .isEqualTo(202);
        consent(email, otherRecruiter);

        DataSubject subject = new DataSubject(UUID.randomUUID(), "ACCESS", List.of(email), List.of(e164), "Mira");

        SubjectAnswer access = handler.access(org, subject);

        List<Map<String, Object>> messages =
                (List<Map<String, Object>>) access.data().get("messages");
        assertThat(messages)
                .extracting(m -> m.get("subject"))
                .containsExactlyInAnyOrder(
                        "Your application",
                        "Re: Your application",
                        "Re: Your application",
                        null, // the call
                        "Next steps",
                        "Interview invitation: Second round",
                        "Interview booked: Second round",
                        "Interview booked: Second round with Mira Kowalski");
        assertThat(messages)
                .filteredOn(m -> "INBOUND".equals(m.get("direction")))
                .extracting(m -> m.get("body"))
                .anySatisfy(body -> assertThat((String) body).startsWith("Yes, Thursday works."));
        List<Map<String, Object>> interviews =
                (List<Map<String, Object>>) access.data().get("interviews");
        assertThat(interviews).singleElement().satisfies(i -> {
            assertThat(i.get("id")).isEqualTo(interview);
            assertThat(i.get("status")).isEqualTo("BOOKED");
            assertThat(i.get("candidateEmail")).isEqualTo(email);
            assertThat((List<?>) i.get("slots")).hasSize(2);
        });
        assertThat((List<Map<String, Object>>) access.data().get("marketingConsents"))
                .singleElement()
                .satisfies(c -> assertThat(c.get("address")).isEqualTo(email));
        assertThat((List<Map<String, Object>>) access.data().get("suppressions"))
                .extracting(s -> s.get("address") + " " + s.get("reason") + " " + s.get("keptAs"))
                .containsExactlyInAnyOrder(email + " UNSUBSCRIBED address", e164 + " STOPPED address");
        assertThat((List<Map<String, Object>>) access.data().get("sendRequests"))
                .extracting(r -> r.get("idempotencyKey"))
                .containsExactlyInAnyOrder(singleKey, bulkKey);
        assertThat((List<Map<String, Object>>) access.data().get("mentionedIn"))
                .singleElement()
                .satisfies(m -> assertThat(m.get("messageId")).isEqualTo(mentionId.toString()));
        // nothing of Tom's: not his address, name or words
        assertThat(access.data().toString())
                .doesNotContain(otherEmail)
                .doesNotContain("Tom Berger")
                .doesNotContain("Please also copy");
        assertThat(access.files()).isEmpty();
        assertThat(access.records()).isEqualTo(8 + 1 + 1 + 2 + 2 + 1);
        assertThat(handler.count(org, subject)).isEqualTo(15);

        Integer erased = transactions.execute(status -> handler.erase(org, subject));

        assertThat(erased).isEqualTo(15);
        assertThat(handler.count(org, subject)).isZero();
        Integer again = transactions.execute(status -> handler.erase(org, subject));
        assertThat(again).isZero();
        // no trace of her address, number or name left in the organisation's rows
        assertThat(mentions(org, email, digits, List.of("mira", "kowalski"))).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM message WHERE organization_id = :org AND candidate_id = :mira")
                        .param("org", org)
                        .param("mira", mira)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM interview_slot WHERE interview_id = :id")
                                .param("id", UUID.fromString(interview))
                                .query(Long.class)
                                .single()
                        + jdbc.sql("SELECT count(*) FROM interview_reminder WHERE interview_id = :id")
                                .param("id", UUID.fromString(interview))
                                .query(Long.class)
                                .single())
                .isZero();
        // the bulk send's record answers for Tom only; the single one is gone
        assertThat(jdbc.sql("""
                        SELECT response -> 'recipients' ->> 0 FROM send_request
                        WHERE organization_id = :org AND idempotency_key = :key
                        """)
                        .param("org", org)
                        .param("key", bulkKey)
                        .query(String.class)
                        .single())
                .contains(tom.toString());
        assertThat(jdbc.sql("""
                        SELECT jsonb_array_length(response -> 'recipients') FROM send_request
                        WHERE organization_id = :org AND idempotency_key = :key
                        """)
                        .param("org", org)
                        .param("key", bulkKey)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // her suppressions are kept as hashes and still stop anything going to her
        assertThat(suppressions.of(org, email)).contains(Suppressions.Reason.UNSUBSCRIBED);
        assertThat(suppressions.of(org, e164)).contains(Suppressions.Reason.STOPPED);
        assertThat(jdbc.sql("SELECT count(*) FROM suppression WHERE organization_id = :org AND address LIKE 'hmac:%'")
                        .param("org", org)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertProblem(
                http().post(
                                "/api/v1/communications/send",
                                map("channel", "EMAIL", "to", email, "subject", "Again", "body", "Hello"),
                                bearer(recruiter)),
                422,
                "suppressed");
        SubjectAnswer after = handler.access(org, subject);
        assertThat((List<?>) after.data().get("messages")).isEmpty();
        assertThat((List<Map<String, Object>>) after.data().get("suppressions"))
                .extracting(s -> s.get("keptAs"))
                .containsOnly("keyed hash");
        assertThat(after.remaining()).isZero();

        // Tom keeps his messages (the colleague's, with her address and number redacted) and his consent
        assertThat(jdbc.sql("SELECT count(*) FROM message WHERE organization_id = :org AND to_address = :tom")
                        .param("org", org)
                        .param("tom", otherEmail)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT body FROM message WHERE id = :id")
                        .param("id", mentionId)
                        .query(String.class)
                        .single())
                .isEqualTo("Please also copy [erased] and call [erased].");
        assertThat(suppressions.consent(org, otherEmail).granted()).isTrue();
        // the other organisation keeps hers
        assertThat(mentions(otherOrg, email, null, List.of())).isEqualTo(2); // a message and a consent
        assertThat(suppressions.consent(otherOrg, email).granted()).isTrue();
    }

    /**
     * How many of the organisation's rows (messages, interviews, consent, suppression, send requests, events) hold
     * the address, the digits of the number (when given) or one of the names (lower case).
     */
    private long mentions(UUID organization, String email, String digits, List<String> names) {
        String message =
                "lower(concat_ws(' ', to_address, from_address, subject, body, replace(calendar, E'\\r\\n ', '')))";
        Map<String, String> columns = Map.of(
                "message", message,
                "interview", "lower(concat_ws(' ', candidate_email, candidate_name))",
                "marketing_consent", "lower(address)",
                "suppression", "lower(address)",
                "send_request", "lower(response::text)",
                "outbox_event", "lower(payload)");
        long found = 0;
        for (var table : columns.entrySet()) {
            String column = table.getValue();
            List<String> tests = new java.util.ArrayList<>();
            tests.add("strpos(" + column + ", :email) > 0");
            if (digits != null) {
                tests.add("strpos(regexp_replace(" + column + ", '\\D', '', 'g'), :digits) > 0");
            }
            for (int i = 0; i < names.size(); i++) {
                tests.add("strpos(" + column + ", :name" + i + ") > 0");
            }
            var query = jdbc.sql("SELECT count(*) FROM " + table.getKey() + " WHERE organization_id = :org AND ("
                            + String.join(" OR ", tests) + ")")
                    .param("org", organization)
                    .param("email", email);
            if (digits != null) {
                query = query.param("digits", digits);
            }
            for (int i = 0; i < names.size(); i++) {
                query = query.param("name" + i, names.get(i));
            }
            found += query.query(Long.class).single();
        }
        return found;
    }

    private String bookedInterview(UUID candidate) {
        LocalDateTime first = LocalDateTime.now(BERLIN).plusDays(3).withHour(10).truncatedTo(ChronoUnit.HOURS);
        LocalDateTime second = first.plusDays(1);
        TestHttp.Response proposed = http().post(
                        "/api/v1/communications/interviews",
                        map(
                                "candidateId",
                                candidate,
                                "title",
                                "Second round",
                                "timeZone",
                                "Europe/Berlin",
                                "slots",
                                List.of(first.toString(), second.toString())),
                        bearer(recruiter));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String link = proposed.json().get("bookingUrl").asString();
        Instant chosen = second.atZone(BERLIN).toInstant();
        TestHttp.Response booked = http().postRaw(
                        link.substring(link.indexOf("/api/")),
                        "application/x-www-form-urlencoded",
                        ("slot=" + chosen).getBytes());
        assertThat(booked.status()).as(booked.body()).isEqualTo(200);
        return proposed.json().get("id").asString();
    }

    private void consent(String address, String token) {
        TestHttp.Response consent = http().put(
                        "/api/v1/communications/consents",
                        map("address", address, "granted", true, "source", "career site sign-up form"),
                        bearer(token));
        assertThat(consent.status()).as(consent.body()).isEqualTo(200);
    }

    private static MimeMessage reply(MimeMessage original, String from, String text) throws Exception {
        MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
        reply.setFrom(new InternetAddress(from));
        reply.setRecipients(Message.RecipientType.TO, REPLIES);
        reply.setSubject("Re: " + original.getSubject());
        reply.setHeader("In-Reply-To", original.getMessageID());
        reply.setText(text);
        reply.saveChanges();
        return reply;
    }
}
