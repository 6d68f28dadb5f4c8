package io.openhire.communication;

import static io.openhire.platform.test.TestHttp.bearer;
import static io.openhire.platform.test.TestHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openhire.communication.events.InterviewCancelled;
import io.openhire.communication.events.InterviewScheduled;
import io.openhire.platform.test.TestHttp;
import io.openhire.platform.test.TestKafka;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Interview scheduling as a candidate and a recruiter live it: the invitation with its link, the public booking
 * page, the calendar invitations on both sides (parsed back with ical4j), a reschedule and a cancellation.
 */
class InterviewsIT extends CommunicationScenario {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    LocalDateTime daysAhead(int days, int hour) {
        return LocalDateTime.now(BERLIN).plusDays(days).withHour(hour).truncatedTo(ChronoUnit.HOURS);
    }

    @Test
    void theCandidateBooksThroughTheLinkAndBothSidesGetTheInvitationThenAnUpdateAndACancellation() throws Exception {
        String address = "lena." + tag + "@example.test";
        UUID candidate = candidate("Lena Fischer", address);
        UUID job = job("Platform Engineer");
        LocalDateTime first = daysAhead(3, 10);
        LocalDateTime second = daysAhead(4, 14);

        TestHttp.Response proposed = http().post(
                        "/api/v1/communications/interviews",
                        map(
                                "candidateId",
                                candidate,
                                "jobId",
                                job,
                                "title",
                                "First interview",
                                "durationMinutes",
                                45,
                                "timeZone",
                                "Europe/Berlin",
                                "slots",
                                List.of(first.toString(), second.toString()),
                                "location",
                                "https://meet.example.test/abc"),
                        bearer(recruiter));

        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String id = proposed.json().get("id").asString();
        String link = proposed.json().get("bookingUrl").asString();
        assertThat(proposed.json().get("status").asString()).isEqualTo("PROPOSED");
        MimeMessage invitation = received(address);
        assertThat(invitation.getSubject()).isEqualTo("Interview invitation: First interview");
        String text = (String) invitation.getContent();
        assertThat(text).contains(link).contains("Platform Engineer").contains("(Europe/Berlin, UTC+0");

        String path = link.substring(link.indexOf("/api/"));
        TestHttp.Response page = http().get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        Instant chosen = second.atZone(BERLIN).toInstant();
        assertThat(page.body()).contains("value=\"" + chosen + "\"");
        assertThat(http().get(path.substring(0, path.lastIndexOf('/') + 1) + "forged-token")
                        .status())
                .isEqualTo(404);
        assertThat(http().postRaw(
                                path,
                                "application/x-www-form-urlencoded",
                                ("slot=" + Instant.parse("2030-01-01T00:00:00Z")).getBytes())
                        .status())
                .isEqualTo(400);

        TestHttp.Response booked =
                http().postRaw(path, "application/x-www-form-urlencoded", ("slot=" + chosen).getBytes());

        assertThat(booked.status()).as(booked.body()).isEqualTo(200);
        assertThat(http().postRaw(path, "application/x-www-form-urlencoded", ("slot=" + chosen).getBytes())
                        .status())
                .isEqualTo(409);
        JsonNode view = http().get("/api/v1/communications/interviews/" + id, bearer(recruiter))
                .json();
        assertThat(view.get("status").asString()).isEqualTo("BOOKED");
        assertThat(Instant.parse(view.get("startsAt").asString())).isEqualTo(chosen);
        VEvent candidateInvite = invite(address, "REQUEST", 0);
        assertThat(Instant.from(candidateInvite.getStartDate().get().getDate())).isEqualTo(chosen);
        assertThat(candidateInvite.getUid().get().getValue()).isEqualTo(id + "@openhire");
        assertThat(candidateInvite.getAttendees().getFirst().getValue()).isEqualTo("mailto:" + address);
        // the organizer, the recruiter who proposed it, gets it too
        VEvent organizerInvite = invite(RECRUITER_EMAIL, "REQUEST", 0);
        assertThat(organizerInvite.getOrganizer().getValue()).isEqualTo("mailto:" + RECRUITER_EMAIL);
        assertThat(TestKafka.read(InterviewScheduled.TOPIC, r -> r.key().equals(id), 1))
                .hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM interview_reminder WHERE interview_id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        LocalDateTime moved = daysAhead(5, 9);
        TestHttp.Response rescheduled = http().post(
                        "/api/v1/communications/interviews/" + id + "/reschedule",
                        map("startsAt", moved.toString()),
                        bearer(recruiter));
        assertThat(rescheduled.status()).as(rescheduled.body()).isEqualTo(200);
        VEvent update = invite(address, "REQUEST", 1);
        assertThat(Instant.from(update.getStartDate().get().getDate()))
                .isEqualTo(moved.atZone(BERLIN).toInstant());

        TestHttp.Response cancelled = http().post(
                        "/api/v1/communications/interviews/" + id + "/cancel",
                        map("reason", "The position was filled."),
                        bearer(recruiter));
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        VEvent cancel = invite(address, "CANCEL", 2);
        assertThat(cancel.getUid().get().getValue()).isEqualTo(id + "@openhire");
        assertThat(TestKafka.read(InterviewCancelled.TOPIC, r -> r.key().equals(id), 1))
                .hasSize(1);
        assertThat(http().get(path).status()).isEqualTo(410);
        assertThat(jdbc.sql("SELECT count(*) FROM interview_reminder WHERE interview_id = :id AND sent_at IS NULL")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero();

        String other = TOKENS.token(UUID.randomUUID(), UUID.randomUUID(), "ADMIN");
        assertThat(http().get("/api/v1/communications/interviews/" + id, bearer(other))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aDueReminderIsSentOnceEvenWhenItsTimePassedWhileTheServiceWasDown() throws Exception {
        String address = "remy." + tag + "@example.test";
        UUID candidate = candidate("Remy Martin", address);
        String id = propose(candidate, List.of(daysAhead(2, 11)));
        String path = bookingPath(address);
        Instant slot = daysAhead(2, 11).atZone(BERLIN).toInstant();
        assertThat(http().postRaw(path, "application/x-www-form-urlencoded", ("slot=" + slot).getBytes())
                        .status())
                .isEqualTo(200);

        // as if the day-before reminder fell due while nothing ran
        jdbc.sql("UPDATE interview_reminder SET due_at = now() - interval '1 hour' WHERE interview_id = :id"
                        + " AND kind = 'DAY_BEFORE'")
                .param("id", UUID.fromString(id))
                .update();

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        messagesTo(address).stream().anyMatch(m -> subject(m).startsWith("Reminder:")));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> messagesTo(address).stream()
                                .filter(m -> subject(m).startsWith("Reminder:"))
                                .count()
                        == 1);
    }

    @Test
    void badProposalsAreRefusedWithTheFieldNamed() {
        UUID candidate = candidate("Zoe Bad", "zoe." + tag + "@example.test");
        assertProblem(
                http().post(
                                "/api/v1/communications/interviews",
                                map(
                                        "candidateId",
                                        candidate,
                                        "title",
                                        "Chat",
                                        "timeZone",
                                        "Mars/Olympus",
                                        "slots",
                                        List.of(daysAhead(2, 10).toString())),
                                bearer(recruiter)),
                400,
                "validation");
        assertProblem(
                http().post(
                                "/api/v1/communications/interviews",
                                map(
                                        "candidateId",
                                        candidate,
                                        "title",
                                        "Chat",
                                        "timeZone",
                                        "Europe/Berlin",
                                        "slots",
                                        List.of(LocalDateTime.now(BERLIN)
                                                .minusDays(1)
                                                .toString())),
                                bearer(recruiter)),
                400,
                "validation");
        // 02:30 on the last Sunday of March does not exist in Berlin (clocks jump from 02:00 to 03:00)
        LocalDateTime gap = LocalDateTime.of(LocalDateTime.now().getYear() + 1, 3, 31, 2, 30)
                .with(java.time.temporal.TemporalAdjusters.lastInMonth(java.time.DayOfWeek.SUNDAY))
                .withHour(2)
                .withMinute(30);
        assertProblem(
                http().post(
                                "/api/v1/communications/interviews",
                                map(
                                        "candidateId",
                                        candidate,
                                        "title",
                                        "Chat",
                                        "timeZone",
                                        "Europe/Berlin",
                                        "slots",
                                        List.of(gap.toString())),
                                bearer(recruiter)),
                400,
                "validation");
        assertProblem(
                http().post(
                                "/api/v1/communications/interviews",
                                map(
                                        "candidateId",
                                        UUID.randomUUID(),
                                        "title",
                                        "Chat",
                                        "timeZone",
                                        "Europe/Berlin",
                                        "slots",
                                        List.of(daysAhead(2, 10).toString())),
                                bearer(recruiter)),
                404,
                "not-found");
        assertThat(jdbc.sql("SELECT count(*) FROM interview WHERE organization_id = :org")
                        .param("org", org)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    String propose(UUID candidate, List<LocalDateTime> slots) {
        TestHttp.Response proposed = http().post(
                        "/api/v1/communications/interviews",
                        map(
                                "candidateId",
                                candidate,
                                "title",
                                "Screening call",
                                "durationMinutes",
                                30,
                                "timeZone",
                                "Europe/Berlin",
                                "slots",
                                slots.stream().map(Object::toString).toList()),
                        bearer(recruiter));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        return proposed.json().get("id").asString();
    }

    /** The booking link from the invitation email, as a path. */
    String bookingPath(String address) throws Exception {
        String text = (String) received(address).getContent();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(/api/v1/communications/bookings/[A-Za-z0-9_-]+)")
                .matcher(text);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    /** The address's calendar invitation with this METHOD and SEQUENCE, parsed with ical4j. */
    VEvent invite(String address, String method, int sequence) throws Exception {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> calendars(address).stream()
                        .anyMatch(c ->
                                method.equals(c.getProperty("METHOD").get().getValue()) && sequenceOf(c) == sequence));
        Calendar calendar = calendars(address).stream()
                .filter(c -> method.equals(methodOf(c)) && sequenceOf(c) == sequence)
                .findFirst()
                .orElseThrow();
        return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
    }

    static String methodOf(Calendar c) {
        return c.<net.fortuna.ical4j.model.Property>getProperty("METHOD")
                .map(net.fortuna.ical4j.model.Property::getValue)
                .orElse(null);
    }

    static int sequenceOf(Calendar c) {
        VEvent event = (VEvent) c.getComponent("VEVENT").orElse(null);
        return event == null
                ? -1
                : event.<net.fortuna.ical4j.model.Property>getProperty("SEQUENCE")
                        .map(p -> Integer.parseInt(p.getValue()))
                        .orElse(0);
    }

    List<Calendar> calendars(String address) {
        return messagesTo(address).stream()
                .map(InterviewsIT::calendarPart)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    static Calendar calendarPart(MimeMessage m) {
        try {
            if (!(m.getContent() instanceof MimeMultipart parts)) {
                return null;
            }
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/calendar")) {
                    assertThat(part.getContentType()).containsIgnoringCase("method=");
                    String ics =
                            new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    return new CalendarBuilder().build(new StringReader(ics));
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
