package io.openhire.communication;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openhire.communication.events.MessageBounced;
import io.openhire.communication.events.MessageReplied;
import io.openhire.communication.events.MessageSent;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestKafka;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Email to candidates: templates, sending once, replies, bounces, unsubscribe, idempotency, bad input. */
class CommunicationIT extends CommunicationScenario {

    @Test
    void aRecruiterEmailsACandidateFromATemplateAndTheMailServerGetsItWithUnsubscribeHeaders() throws Exception {
        String address = "priya." + tag + "@example.test";
        UUID candidate = candidate("Priya Sharma", address);
        UUID job = job("Senior Data Engineer");
        String template = template(
                "Your application for {{job.title}}",
                "Hi {{candidate.firstName}},\n\nCould we talk"
                        + " about {{job.title}} this week?\n\n{{custom.signature}}");

        TestHttp.Response sent = http().post(
                        "/api/v1/communications/send",
                        map(
                                "channel",
                                "EMAIL",
                                "candidateId",
                                candidate,
                                "templateId",
                                template,
                                "jobId",
                                job,
                                "variables",
                                map("custom.signature", "Sam from Acme")),
                        bearer(recruiter));

        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        String messageId = sent.json().get("messageId").asString();
        MimeMessage mail = received(address);
        assertThat(mail.getSubject()).isEqualTo("Your application for Senior Data Engineer");
        String text = (String) mail.getContent();
        assertThat(text)
                .contains("Hi Priya,")
                .contains("Senior Data Engineer this week?")
                .contains("Sam from Acme");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).contains("/api/v1/communications/unsubscribe?m=" + messageId);
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.getReplyTo()[0].toString()).isEqualTo(REPLIES);
        JsonNode message = awaitStatus(messageId, "SENT");
        assertThat(message.get("candidateId").asString()).isEqualTo(candidate.toString());
        assertThat(message.get("templateVersion").asInt()).isEqualTo(1);
        assertThat(mail.getMessageID())
                .isEqualTo(jdbc.sql("SELECT rfc_message_id FROM message WHERE id = :id")
                        .param("id", UUID.fromString(messageId))
                        .query(String.class)
                        .single());

        var events = TestKafka.read(MessageSent.TOPIC, r -> r.key().equals(messageId), 1);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().value()).doesNotContain("Priya").doesNotContain(address);

        // another organisation does not see it
        String other = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "ADMIN");
        assertThat(http().get("/api/v1/communications/messages/" + messageId, bearer(other))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theCandidatesReplyJoinsTheThreadAsUnreadUntilARecruiterReadsIt() throws Exception {
        String address = "jonas." + tag + "@example.test";
        UUID candidate = candidate("Jonas Weber", address);
        String messageId = http().post(
                        "/api/v1/communications/send",
                        map(
                                "channel",
                                "EMAIL",
                                "candidateId",
                                candidate,
                                "subject",
                                "Quick question",
                                "body",
                                "Hello {{candidate.name}}, are you open to a new role?"),
                        bearer(recruiter))
                .json()
                .get("messageId")
                .asString();
        MimeMessage sent = received(address);

        MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
        reply.setFrom(new InternetAddress(address));
        reply.setRecipients(Message.RecipientType.TO, REPLIES);
        reply.setSubject("Re: Quick question");
        reply.setHeader("In-Reply-To", sent.getMessageID());
        reply.setHeader("References", sent.getMessageID());
        reply.setText("Yes, happy to talk on Thursday.\n\n> Hello Jonas Weber, are you open to a new role?");
        reply.saveChanges();
        deliverToReplies(reply);
        // the same reply again (a mail server may deliver twice): recorded once
        deliverToReplies(new MimeMessage(reply));
        // a second reply from a mail client that sends no Message-ID (none is added on the way)
        MimeMessage second = new MimeMessage(Session.getInstance(new Properties()));
        second.setFrom(new InternetAddress(address));
        second.setRecipients(Message.RecipientType.TO, REPLIES);
        second.setSubject("Re: Quick question");
        second.setHeader("In-Reply-To", sent.getMessageID());
        second.setText("Or Friday morning.");
        second.saveChanges();
        second.removeHeader("Message-ID");
        deliverToReplies(second);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> http().get("/api/v1/communications/threads/" + candidate, bearer(recruiter))
                                .json()
                                .size()
                        == 3);
        JsonNode thread = http().get("/api/v1/communications/threads/" + candidate, bearer(recruiter))
                .json();
        List<JsonNode> replies = new java.util.ArrayList<>();
        thread.forEach(m -> {
            if ("INBOUND".equals(m.get("direction").asString())) {
                replies.add(m);
            }
        });
        assertThat(replies).hasSize(2);
        assertThat(replies)
                .extracting(m -> m.get("body").asString())
                .anySatisfy(body -> assertThat(body).startsWith("Yes, happy to talk on Thursday."))
                .anySatisfy(body -> assertThat(body).isEqualTo("Or Friday morning."));
        assertThat(replies)
                .allSatisfy(m -> assertThat(m.get("inReplyTo").asString()).isEqualTo(messageId));
        assertThat(TestKafka.read(MessageReplied.TOPIC, r -> r.value().contains(messageId), 2))
                .hasSize(2);

        JsonNode inbox = http().get("/api/v1/communications/inbox?unread=true", bearer(recruiter))
                .json();
        assertThat(inbox.get("total").asInt()).isEqualTo(1);
        assertThat(inbox.get("conversations").get(0).get("unread").asInt()).isEqualTo(2);
        assertThat(http().post("/api/v1/communications/threads/" + candidate + "/read", null, bearer(recruiter))
                        .status())
                .isEqualTo(204);
        assertThat(http().get("/api/v1/communications/inbox?unread=true", bearer(recruiter))
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(http().get("/api/v1/communications/inbox?q=Thursday", bearer(recruiter))
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aPermanentBounceMarksTheMessageBouncedAndSuppressesTheAddress() throws Exception {
        String address = "gone." + tag + "@example.test";
        UUID candidate = candidate("Ana Gone", address);
        String messageId = sendTo(candidate, "First try");
        MimeMessage sent = received(address);
        awaitStatus(messageId, "SENT");

        deliverToReplies(bounce(sent, "5.1.1", "smtp; 550 5.1.1 user unknown"));

        JsonNode bounced = awaitStatus(messageId, "BOUNCED");
        assertThat(bounced.get("statusReason").asString()).startsWith("5.1.1");
        assertThat(TestKafka.read(MessageBounced.TOPIC, r -> r.key().equals(messageId), 1))
                .hasSize(1);
        TestHttp.Response refused = http().post(
                        "/api/v1/communications/send",
                        map("channel", "EMAIL", "candidateId", candidate, "subject", "Again", "body", "Hello"),
                        bearer(recruiter));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("/suppressed");
    }

    @Test
    void theOneClickUnsubscribeLinkSuppressesTheAddressAndAForgedLinkDoesNothing() throws Exception {
        String address = "ola." + tag + "@example.test";
        UUID candidate = candidate("Ola Nordmann", address);
        String messageId = sendTo(candidate, "Hello");
        String link = received(address).getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
        String path = link.substring(link.indexOf("/api/"));

        TestHttp.Response forged = http().postRaw(
                        path.replaceAll("t=[^&]+", "t=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                        "application/x-www-form-urlencoded",
                        "List-Unsubscribe=One-Click".getBytes());
        assertThat(forged.status()).isEqualTo(400);
        assertThat(http().get(path).status()).isEqualTo(200); // a page with a button; changes nothing
        assertThat(sendStatus(candidate)).isEqualTo(202);

        TestHttp.Response unsubscribed =
                http().postRaw(path, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click".getBytes());

        assertThat(unsubscribed.status()).isEqualTo(200);
        assertThat(sendStatus(candidate)).isEqualTo(422);
        assertThat(messageId).isNotNull();
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSameMessageAndSendsOnce() {
        String address = "kim." + tag + "@example.test";
        UUID candidate = candidate("Kim Lee", address);
        var request =
                map("channel", "EMAIL", "candidateId", candidate, "subject", "Hello", "body", "Hi {{candidate.name}}");
        String key = "send-" + tag;

        TestHttp.Response first = http().post(
                        "/api/v1/communications/send",
                        request,
                        bearer(recruiter)[0],
                        bearer(recruiter)[1],
                        "Idempotency-Key",
                        key);
        TestHttp.Response second = http().post(
                        "/api/v1/communications/send",
                        request,
                        bearer(recruiter)[0],
                        bearer(recruiter)[1],
                        "Idempotency-Key",
                        key);
        TestHttp.Response changed = http().post(
                        "/api/v1/communications/send",
                        map("channel", "EMAIL", "candidateId", candidate, "subject", "Other", "body", "Hi"),
                        bearer(recruiter)[0],
                        bearer(recruiter)[1],
                        "Idempotency-Key",
                        key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.json().get("messageId")).isEqualTo(first.json().get("messageId"));
        assertThat(changed.status()).isEqualTo(409);
        awaitStatus(first.json().get("messageId").asString(), "SENT");
        assertThat(messagesTo(address)).hasSize(1);
    }

    @Test
    void badRequestsGetAProblemAndNothingIsQueued() {
        String address = "bad." + tag + "@example.test";
        UUID candidate = candidate("Bad Input", address);
        assertProblem(
                http().post(
                                "/api/v1/communications/send",
                                map(
                                        "channel",
                                        "EMAIL",
                                        "candidateId",
                                        candidate,
                                        "subject",
                                        "Hi",
                                        "body",
                                        "Hello {{candidate.nickname}}"),
                                bearer(recruiter)),
                400,
                "unknown-variable");
        assertProblem(
                http().post(
                                "/api/v1/communications/send",
                                map(
                                        "channel",
                                        "EMAIL",
                                        "candidateId",
                                        UUID.randomUUID(),
                                        "subject",
                                        "Hi",
                                        "body",
                                        "Hello"),
                                bearer(recruiter)),
                404,
                "not-found");
        assertProblem(
                http().post(
                                "/api/v1/communications/send",
                                map(
                                        "channel",
                                        "EMAIL",
                                        "to",
                                        "not an address, x@y.test",
                                        "subject",
                                        "Hi",
                                        "body",
                                        "Hello"),
                                bearer(recruiter)),
                400,
                "validation");
        assertProblem(
                http().post(
                                "/api/v1/communications/send",
                                map(
                                        "channel",
                                        "EMAIL",
                                        "to",
                                        address,
                                        "subject",
                                        "Hi\r\nBcc: all@example.test",
                                        "body",
                                        "Hello"),
                                bearer(recruiter)),
                400,
                "validation");
        assertProblem(
                http().post(
                                "/api/v1/communications/send",
                                map("channel", "SMS", "candidateId", candidate, "body", "Hello"),
                                bearer(recruiter)),
                422,
                "channel-not-configured");
        assertProblem(
                http().post(
                                "/api/v1/communications/send",
                                map(
                                        "channel",
                                        "EMAIL",
                                        "candidateId",
                                        candidate,
                                        "subject",
                                        "News",
                                        "body",
                                        "Our newsletter",
                                        "kind",
                                        "MARKETING"),
                                bearer(recruiter)),
                422,
                "no-consent");
        assertProblem(
                http().post(
                                "/api/v1/communications/templates",
                                map("name", "x", "channel", "EMAIL", "subject", "Hi", "body", "{{job.salary}}"),
                                bearer(admin)),
                400,
                "unknown-variable");
        assertThat(http().post(
                                "/api/v1/communications/templates",
                                map("name", "x", "channel", "EMAIL", "subject", "Hi", "body", "Hello"),
                                bearer(recruiter))
                        .status())
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM message WHERE organization_id = :org")
                        .param("org", org)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aMarketingEmailGoesOnlyToAnAddressWithRecordedConsentAndUnsubscribingStillWins() throws Exception {
        String address = "mia." + tag + "@example.test";
        UUID candidate = candidate("Mia Wong", address);
        var newsletter = map(
                "channel",
                "EMAIL",
                "candidateId",
                candidate,
                "subject",
                "New roles this week",
                "body",
                "Hello {{candidate.firstName}}, three new roles fit you.",
                "kind",
                "MARKETING");
        assertProblem(http().post("/api/v1/communications/send", newsletter, bearer(recruiter)), 422, "no-consent");

        TestHttp.Response consent = http().put(
                        "/api/v1/communications/consents",
                        map("address", address, "granted", true, "source", "career site sign-up form"),
                        bearer(recruiter));
        assertThat(consent.status()).as(consent.body()).isEqualTo(200);
        assertThat(consent.json().get("granted").asBoolean()).isTrue();
        assertProblem(
                http().put(
                                "/api/v1/communications/consents",
                                map("address", "two@x.test, three@x.test", "granted", true, "source", "form"),
                                bearer(recruiter)),
                400,
                "validation");

        TestHttp.Response sent = http().post("/api/v1/communications/send", newsletter, bearer(recruiter));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        String link = received(address).getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
        http().postRaw(
                        link.substring(link.indexOf("/api/")),
                        "application/x-www-form-urlencoded",
                        "List-Unsubscribe=One-Click".getBytes());

        assertThat(http().get("/api/v1/communications/consents?address=" + address, bearer(recruiter))
                        .json()
                        .get("suppressedBecause")
                        .asString())
                .isEqualTo("UNSUBSCRIBED");
        assertProblem(http().post("/api/v1/communications/send", newsletter, bearer(recruiter)), 422, "suppressed");
    }

    /**
     * A worker that claimed messages and died before the mail server had them leaves them SENDING: after the
     * lease they go out once, with the Message-ID they were given; what was SENT before is never sent again.
     */
    @Test
    void messagesCutOffWhileSendingGoOutOnceWithTheirMessageIdAndSentOnesAreNotRepeated() throws Exception {
        List<String> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(http().post(
                            "/api/v1/communications/send",
                            map(
                                    "channel",
                                    "EMAIL",
                                    "to",
                                    "sent" + i + "." + tag + "@example.test",
                                    "subject",
                                    "S" + i,
                                    "body",
                                    "Hello"),
                            bearer(recruiter))
                    .json()
                    .get("messageId")
                    .asString());
        }
        sent.forEach(id -> awaitStatus(id, "SENT"));
        List<UUID> cutOff = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            cutOff.add(id);
            messages.insert(new io.openhire.communication.messages.Messages.NewMessage(
                    id,
                    org,
                    null,
                    null,
                    "OUTBOUND",
                    io.openhire.communication.events.Channel.EMAIL,
                    io.openhire.communication.client.MessageKind.TRANSACTIONAL,
                    "jobs@acme.test",
                    "cut" + i + "." + tag + "@example.test",
                    "C" + i,
                    "Hello",
                    io.openhire.communication.client.MessageStatus.SENDING,
                    null,
                    "<" + id + "@acme.test>",
                    null,
                    null,
                    null,
                    null,
                    "user:test",
                    java.time.Instant.now(),
                    null));
        }
        // as a crash leaves them: claimed (SENDING, one attempt) three minutes ago, never marked sent
        jdbc.sql("UPDATE message SET attempts = 1, updated_at = now() - interval '3 minutes' WHERE id IN (:ids)")
                .param("ids", cutOff)
                .update();

        cutOff.forEach(id -> awaitStatus(id.toString(), "SENT"));
        for (int i = 0; i < 5; i++) {
            List<MimeMessage> got = messagesTo("cut" + i + "." + tag + "@example.test");
            assertThat(got).hasSize(1);
            assertThat(got.getFirst().getMessageID()).isEqualTo("<" + cutOff.get(i) + "@acme.test>");
        }
        for (int i = 0; i < 20; i++) {
            assertThat(messagesTo("sent" + i + "." + tag + "@example.test")).hasSize(1);
        }
    }

    @Test
    void aRecruiterLogsACallOnTheConversationAndBadCallsAreRefused() {
        UUID candidate = candidateWithPhones("Cara Call", List.of("+4915123456789"), "cara." + tag + "@example.test");

        TestHttp.Response logged = http().post(
                        "/api/v1/communications/calls",
                        map(
                                "candidateId",
                                candidate,
                                "outcome",
                                "CONNECTED",
                                "durationMinutes",
                                12,
                                "notes",
                                "Interested; salary expectation 70k; available from March."),
                        bearer(recruiter));

        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        assertThat(logged.json().get("channel").asString()).isEqualTo("CALL");
        assertThat(logged.json().get("status").asString()).isEqualTo("LOGGED");
        assertThat(logged.json().get("statusReason").asString()).isEqualTo("connected, 12 min");
        JsonNode thread = http().get("/api/v1/communications/threads/" + candidate, bearer(recruiter))
                .json();
        assertThat(thread).hasSize(1);
        assertThat(thread.get(0).get("body").asString()).startsWith("Interested;");

        assertProblem(
                http().post(
                                "/api/v1/communications/calls",
                                map("candidateId", candidate, "outcome", "GREAT"),
                                bearer(recruiter)),
                400,
                "validation");
        assertProblem(
                http().post(
                                "/api/v1/communications/calls",
                                map("candidateId", candidate, "outcome", "BUSY", "occurredAt", "2999-01-01T00:00:00Z"),
                                bearer(recruiter)),
                400,
                "validation");
        assertProblem(
                http().post(
                                "/api/v1/communications/calls",
                                map("candidateId", UUID.randomUUID(), "outcome", "BUSY"),
                                bearer(recruiter)),
                404,
                "not-found");
        assertThat(http().get("/api/v1/communications/threads/" + candidate, bearer(recruiter))
                        .json())
                .hasSize(1);
    }

    @Test
    void aBulkSendQueuesEachCandidatePersonallyAndSaysWhoWasSkipped() throws Exception {
        String a = "a." + tag + "@example.test";
        String b = "b." + tag + "@example.test";
        UUID first = candidate("Alice Adams", a);
        UUID second = candidate("Bob Brown", b);
        UUID noAddress = candidate("Carl Nomail");
        UUID unknown = UUID.randomUUID();

        TestHttp.Response bulk = http().post(
                        "/api/v1/communications/send/bulk",
                        map(
                                "channel",
                                "EMAIL",
                                "candidateIds",
                                List.of(first, second, noAddress, unknown),
                                "subject",
                                "Next steps, {{candidate.firstName}}",
                                "body",
                                "Dear {{candidate.name}}"),
                        bearer(recruiter));

        assertThat(bulk.status()).as(bulk.body()).isEqualTo(202);
        assertThat(bulk.json().get("queued").asInt()).isEqualTo(2);
        JsonNode recipients = bulk.json().get("recipients");
        assertThat(recipients.get(2).get("skipped").asString()).isEqualTo("no-address");
        assertThat(recipients.get(3).get("skipped").asString()).isEqualTo("unknown-candidate");
        assertThat(received(a).getSubject()).isEqualTo("Next steps, Alice");
        assertThat((String) received(b).getContent()).contains("Dear Bob Brown");
    }

    @Test
    void anOrganisationSendsAndReadsRepliesThroughItsOwnMailServerWithItsPasswordsSealed() throws Exception {
        String own = "own-" + tag + ".test";
        String sender = "jobs@" + own;
        String repliesBox = "replies@" + own;
        MAIL.setUser(sender, "smtp-" + tag, "smtp-secret-" + tag);
        MAIL.setUser(repliesBox, "imap-" + tag, "imap-secret-" + tag);
        Map<String, Object> account = new java.util.LinkedHashMap<>(map(
                "smtpHost",
                "127.0.0.1",
                "smtpPort",
                MAIL.getSmtp().getPort(),
                "smtpUser",
                "smtp-" + tag,
                "smtpPassword",
                "smtp-secret-" + tag,
                "from",
                "Own Recruiting <" + sender + ">",
                "replyTo",
                repliesBox,
                "imapHost",
                "127.0.0.1",
                "imapPort",
                MAIL.getImap().getPort(),
                "imapUser",
                "imap-" + tag,
                "imapPassword",
                "imap-secret-" + tag,
                "tls",
                false));

        // Only admins; a wrong IMAP password is found out before anything is saved.
        assertThat(http().put("/api/v1/communications/mail-account", account, bearer(recruiter))
                        .status())
                .isEqualTo(403);
        Map<String, Object> wrong = new java.util.LinkedHashMap<>(account);
        wrong.put("imapPassword", "not it");
        TestHttp.Response refused = http().put("/api/v1/communications/mail-account", wrong, bearer(admin));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("server").asString()).isEqualTo("imap");
        assertThat(refused.body()).contains("refused the user name or password").doesNotContain("not it");
        for (Map.Entry<String, Object> bad : Map.<String, Object>of(
                        "smtpPort", 70_000, "from", "not an address", "smtpHost", "smtp.example.com/../x")
                .entrySet()) {
            Map<String, Object> invalid = new java.util.LinkedHashMap<>(account);
            invalid.put(bad.getKey(), bad.getValue());
            TestHttp.Response answer = http().put("/api/v1/communications/mail-account", invalid, bearer(admin));
            assertThat(answer.status()).as(bad.toString()).isEqualTo(400);
        }
        assertThat(http().get("/api/v1/communications/mail-account", bearer(admin))
                        .status())
                .isEqualTo(404);

        TestHttp.Response saved = http().put("/api/v1/communications/mail-account", account, bearer(admin));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("smtpPasswordSet").asBoolean()).isTrue();
        assertThat(saved.json().get("imapPasswordSet").asBoolean()).isTrue();
        assertThat(saved.body()).doesNotContain("secret");
        byte[] sealed = jdbc.sql("SELECT smtp_password_sealed FROM mail_account WHERE organization_id = :org")
                .param("org", org)
                .query(byte[].class)
                .single();
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("secret");
        // another organisation has none of its own, and cannot see this one
        String otherAdmin = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "ADMIN");
        assertThat(http().get("/api/v1/communications/mail-account", bearer(otherAdmin))
                        .status())
                .isEqualTo(404);

        // The email leaves as the organisation, its Message-ID in its domain, replies to its own mailbox…
        String address = "ines." + tag + "@example.test";
        UUID candidate = candidate("Ines Moreau", address);
        sendTo(candidate, "From our own server");
        MimeMessage sent = received(address);
        assertThat(sent.getFrom()[0].toString()).isEqualTo("Own Recruiting <" + sender + ">");
        assertThat(sent.getMessageID()).endsWith("@" + own + ">");
        assertThat(sent.getReplyTo()[0].toString()).isEqualTo(repliesBox);

        // …where her answer is read from, into her conversation.
        MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
        reply.setFrom(new InternetAddress(address));
        reply.setRecipients(Message.RecipientType.TO, repliesBox);
        reply.setSubject("Re: From our own server");
        reply.setHeader("In-Reply-To", sent.getMessageID());
        reply.setText("Merci, with pleasure.");
        reply.saveChanges();
        MAIL.getUserManager().getUserByEmail(repliesBox).deliver(reply);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> http().get("/api/v1/communications/threads/" + candidate, bearer(recruiter))
                        .body()
                        .contains("Merci, with pleasure."));

        // A change without the passwords keeps them; back to the platform's server, the next email says so.
        Map<String, Object> renamed = new java.util.LinkedHashMap<>(account);
        renamed.remove("smtpPassword");
        renamed.remove("imapPassword");
        renamed.put("from", "Own Talent <" + sender + ">");
        TestHttp.Response kept = http().put("/api/v1/communications/mail-account", renamed, bearer(admin));
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.json().get("smtpPasswordSet").asBoolean()).isTrue();
        assertThat(http().delete("/api/v1/communications/mail-account", bearer(admin))
                        .status())
                .isEqualTo(204);
        String later = "ines.later." + tag + "@example.test";
        sendTo(candidate("Ines Later", later), "From the platform again");
        assertThat(received(later).getFrom()[0].toString()).isEqualTo("Acme Recruiting <jobs@acme.test>");
    }
}
