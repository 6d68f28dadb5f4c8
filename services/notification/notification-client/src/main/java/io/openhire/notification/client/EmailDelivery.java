package io.openhire.notification.client;

/** Whether and when a person gets a type of notification by email. */
public enum EmailDelivery {
    /** Not by email (the default). */
    OFF,
    /** An email within a minute or so (several at once are sent together). */
    INSTANT,
    /** One digest a day, of what is still unread. */
    DAILY
}
