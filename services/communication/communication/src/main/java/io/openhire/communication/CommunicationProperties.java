package io.openhire.communication;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * communication's settings ({@code openhire.communication.*}).
 *
 * @param key base64 of 32 bytes: signs the one-click unsubscribe links (HMAC-SHA256)
 * @param publicUrl where people reach OpenHire (the gateway): unsubscribe links point there
 * @param dispatchEvery how often the send queue is looked at
 * @param dispatchBatch messages claimed at a time
 * @param dispatchWorkers how many batches are sent at once, each over its own SMTP connection
 * @param maxAttempts sending attempts before a message is FAILED
 * @param firstRetry the wait before the second attempt; each next wait doubles
 * @param sendingLease a message SENDING for longer than this was cut off by a stop or crash: it is sent again,
 *     with the same Message-ID
 * @param pollEvery how often the replies mailbox is read
 * @param sms the SMS provider; without one, SMS is refused as not configured
 */
@ConfigurationProperties("openhire.communication")
public record CommunicationProperties(
        String key,
        @DefaultValue("http://localhost:8080") String publicUrl,
        Mail mail,
        Sms sms,
        @DefaultValue("PT0.5S") Duration dispatchEvery,
        @DefaultValue("50") int dispatchBatch,
        @DefaultValue("4") int dispatchWorkers,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("PT30S") Duration firstRetry,
        @DefaultValue("PT2M") Duration sendingLease,
        @DefaultValue("PT5S") Duration pollEvery) {

    /**
     * The mail server messages leave through (SMTP) and the mailbox replies and bounces arrive in (IMAP).
     *
     * @param from the sender, e.g. {@code Acme Recruiting <jobs@acme.example>}
     * @param replyTo the address of the replies mailbox
     * @param tls STARTTLS required for SMTP and TLS for IMAP (off for the all-in-one's local mail server)
     * @param imapHost empty: replies are not read
     */
    public record Mail(
            String smtpHost,
            @DefaultValue("25") int smtpPort,
            String smtpUser,
            String smtpPassword,
            String from,
            String replyTo,
            String imapHost,
            @DefaultValue("143") int imapPort,
            String imapUser,
            String imapPassword,
            @DefaultValue("false") boolean tls,
            @DefaultValue("PT10S") Duration timeout) {}

    /**
     * The SMS provider (Twilio's Messages API as documented; another provider is another adapter).
     *
     * @param provider {@code twilio}, or empty: no SMS
     * @param from the sending number (E.164) or messaging service
     * @param baseUrl the provider's API (Twilio: {@code https://api.twilio.com})
     * @param defaultRegion how to read numbers written without a country code (ISO 3166 alpha-2)
     * @param quietFrom SMS wait from this local time of the recipient…
     * @param quietUntil …until this one (their time zone from their number)
     */
    public record Sms(
            String provider,
            String accountSid,
            String authToken,
            String from,
            @DefaultValue("https://api.twilio.com") String baseUrl,
            @DefaultValue("US") String defaultRegion,
            @DefaultValue("21:00") java.time.LocalTime quietFrom,
            @DefaultValue("08:00") java.time.LocalTime quietUntil) {

        public boolean configured() {
            return "twilio".equalsIgnoreCase(provider)
                    && accountSid != null
                    && !accountSid.isBlank()
                    && authToken != null
                    && !authToken.isBlank()
                    && from != null
                    && !from.isBlank();
        }
    }
}
