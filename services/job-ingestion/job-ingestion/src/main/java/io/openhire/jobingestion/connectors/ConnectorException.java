package io.openhire.jobingestion.connectors;

/**
 * A source could not be read: unreachable, refused, malformed, not what it claims to be. The message is
 * shown to the organisation's users as the source's last error, so it says what went wrong in their
 * terms and never carries credentials.
 */
public class ConnectorException extends RuntimeException {

    public ConnectorException(String message) {
        super(message);
    }

    public ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
