package io.openhire.monitoring.kafka;

/** Kafka did not answer a question in time, or refused it: the status says so instead of failing. */
public class KafkaUnavailableException extends Exception {

    public KafkaUnavailableException(String why) {
        super(why);
    }

    /** The topic or partition asked about does not exist. */
    public static final class NoSuchTopic extends KafkaUnavailableException {
        public NoSuchTopic() {
            super("no such topic or partition");
        }
    }
}
