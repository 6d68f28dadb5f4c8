package io.openhire.communication.interviews;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Calendar invitations for interviews (iCalendar, RFC 5545, sent as iTIP/iMIP, RFC 5546/6047): a REQUEST when
 * booked or moved (the same UID, a higher SEQUENCE), a CANCEL when called off. Times are written in UTC, so no
 * time-zone definitions are needed and every calendar shows them in its own zone.
 */
final class Invitations {

    /** Who takes part: the organizer (the recruiter) and the candidate. */
    record Party(String name, String email) {}

    private Invitations() {}

    static String request(
            UUID interviewId,
            int sequence,
            Instant start,
            Instant end,
            String title,
            String location,
            String description,
            Party organizer,
            Party candidate,
            Instant now) {
        return calendar(
                Method.VALUE_REQUEST,
                Status.VALUE_CONFIRMED,
                interviewId,
                sequence,
                start,
                end,
                title,
                location,
                description,
                organizer,
                candidate,
                now);
    }

    static String cancel(
            UUID interviewId,
            int sequence,
            Instant start,
            Instant end,
            String title,
            String location,
            Party organizer,
            Party candidate,
            Instant now) {
        return calendar(
                Method.VALUE_CANCEL,
                Status.VALUE_CANCELLED,
                interviewId,
                sequence,
                start,
                end,
                title,
                location,
                "This interview is cancelled.",
                organizer,
                candidate,
                now);
    }

    private static String calendar(
            String method,
            String status,
            UUID interviewId,
            int sequence,
            Instant start,
            Instant end,
            String title,
            String location,
            String description,
            Party organizer,
            Party candidate,
            Instant now) {
        VEvent event = new VEvent(start, end, title);
        // (the constructor stamps the event with a DTSTAMP and a UID of its own: replaced, not added)
        event.replace(new Uid(uid(interviewId)));
        event.replace(new DtStamp(now));
        event.add(new Sequence(sequence));
        event.add(new Status(status));
        if (location != null && !location.isBlank()) {
            event.add(new Location(location));
        }
        if (description != null) {
            event.add(new Description(description));
        }
        Organizer organizerProperty = new Organizer(mailto(organizer.email()));
        if (organizer.name() != null) {
            organizerProperty.add(new Cn(organizer.name()));
        }
        event.add(organizerProperty);
        Attendee attendee = new Attendee(mailto(candidate.email()));
        attendee.add(Role.REQ_PARTICIPANT);
        attendee.add(PartStat.NEEDS_ACTION);
        attendee.add(Rsvp.TRUE);
        if (candidate.name() != null) {
            attendee.add(new Cn(candidate.name()));
        }
        event.add(attendee);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//OpenHire//Communication//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Method(method));
        calendar.add(event);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("Cannot write the calendar invitation", e);
        }
        return out.toString();
    }

    static String uid(UUID interviewId) {
        return interviewId + "@openhire";
    }

    private static URI mailto(String email) {
        return URI.create("mailto:" + email);
    }
}
