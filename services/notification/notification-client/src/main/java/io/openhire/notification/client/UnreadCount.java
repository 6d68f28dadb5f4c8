package io.openhire.notification.client;

/** How many notifications the person has not read (what the bell shows). */
public record UnreadCount(long unread) {}
