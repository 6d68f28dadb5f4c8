package io.openhire.notification.client;

import java.util.List;

/** A page of one person's notifications, newest first, and how many are unread in all. */
public record NotificationPage(List<NotificationView> items, long total, long unread, int page, int size) {}
