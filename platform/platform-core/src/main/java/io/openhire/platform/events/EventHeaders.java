package io.openhire.platform.events;

/** Kafka record headers every OpenHire event carries. */
public final class EventHeaders {

    /** Unique id of the event (a UUID); consumers deduplicate on it. */
    public static final String EVENT_ID = "event-id";
    /** The topic name doubles as the versioned event type, e.g. {@code user.registered.v1}. */
    public static final String EVENT_TYPE = "event-type";

    public static final String ORGANIZATION_ID = "organization-id";
    /** The id of the HTTP request that caused the event, for following a flow across services. */
    public static final String REQUEST_ID = "X-Request-Id";

    private EventHeaders() {}
}
