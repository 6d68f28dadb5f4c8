package io.openhire.communication.sms.web;

import io.openhire.communication.CommunicationProperties;
import io.openhire.communication.sms.Phones;
import io.openhire.communication.sms.SmsInbound;
import io.openhire.communication.sms.Twilio;
import io.openhire.platform.web.ProblemException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's webhooks, public but signed: an SMS to our number (a reply, STOP, START) and the delivery status of
 * ours. The signature is checked over the public URL Twilio was given ({@code openhire.communication.public-url}
 * and the path) and every posted parameter; an unsigned or mis-signed call is refused and changes nothing.
 */
@RestController
@RequestMapping("/api/v1/communications/sms/twilio")
class TwilioWebhooks {

    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final Twilio twilio;
    private final SmsInbound inbound;
    private final String publicUrl;

    TwilioWebhooks(Twilio twilio, SmsInbound inbound, CommunicationProperties properties) {
        this.twilio = twilio;
        this.inbound = inbound;
        this.publicUrl = properties.publicUrl().replaceAll("/+$", "");
    }

    @PostMapping(path = "/inbound", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> inbound(
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature,
            @RequestParam Map<String, String> params) {
        checked("/inbound", params, signature);
        String from = Phones.e164(params.get("From"), twilio.settings().defaultRegion())
                .orElseThrow(() -> ProblemException.invalidField("From", "is not a phone number"));
        String providerId = required(params, "MessageSid");
        String body = params.getOrDefault("Body", "");
        if (body.length() > 1_600) {
            body = body.substring(0, 1_600);
        }
        inbound.received(providerId, from, params.getOrDefault("To", ""), body);
        // An empty TwiML answer: Twilio sends nothing back (STOP's confirmation is the carrier's own).
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(EMPTY_TWIML);
    }

    @PostMapping("/status")
    ResponseEntity<Void> status(
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature,
            @RequestParam Map<String, String> params) {
        checked("/status", params, signature);
        inbound.status(
                required(params, "MessageSid"), params.getOrDefault("MessageStatus", ""), params.get("ErrorCode"));
        return ResponseEntity.noContent().build();
    }

    private void checked(String path, Map<String, String> params, String signature) {
        if (!twilio.configured()) {
            throw ProblemException.notFound("The webhook");
        }
        String url = publicUrl + "/api/v1/communications/sms/twilio" + path;
        if (!twilio.signedByProvider(url, params, signature)) {
            throw ProblemException.forbidden("The request is not signed by the SMS provider.");
        }
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank() || value.length() > 64) {
            throw ProblemException.invalidField(name, "is required");
        }
        return value;
    }
}
