package io.openhire.monitoring.client;

/**
 * A dead-letter topic ({@code <topic>.dlt}): how many records it holds and how many of them were replayed.
 *
 * @param topic the dead-letter topic
 * @param originalTopic where its records came from, and where a replay sends them
 */
public record DeadLetterTopic(String topic, String originalTopic, long records, long replayed) {}
