package io.openhire.communication.client;

import java.util.UUID;

/** A message taken for sending (202); follow it with {@code GET /api/v1/communications/messages/{id}}. */
public record SendAccepted(UUID messageId, MessageStatus status) {}
