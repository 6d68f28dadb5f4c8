package io.openhire.communication.sms;

import io.openhire.communication.CommunicationProperties;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Twilio's Messages API as documented: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json} with the form
 * fields {@code To}, {@code From}, {@code Body}, {@code StatusCallback}, HTTP basic auth (account SID, auth token);
 * 201 answers the message's {@code sid}. Its webhooks are signed: {@code X-Twilio-Signature} is the base64
 * HMAC-SHA1, keyed with the auth token, of the full URL Twilio called followed by each POST parameter's name and
 * value, sorted by name.
 */
@Component
public class Twilio {

    private static final Pattern SID = Pattern.compile("\"sid\"\\s*:\\s*\"(SM[0-9a-fA-F]{32}|[A-Za-z0-9]{2,64})\"");
    private static final Pattern ERROR =
            Pattern.compile("\"code\"\\s*:\\s*(\\d+)[\\s\\S]*?\"message\"\\s*:\\s*\"([^\"]{0,300})\"");

    /** The provider would not take the message; {@code permanent}: sending again will not help. */
    public static final class Refused extends Exception {
        private final boolean permanent;

        Refused(String message, boolean permanent) {
            super(message);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }

    private final CommunicationProperties.Sms settings;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Twilio(CommunicationProperties properties) {
        this.settings = properties.sms() == null
                ? new CommunicationProperties.Sms(null, null, null, null, null, "US", null, null)
                : properties.sms();
    }

    public boolean configured() {
        return settings.configured();
    }

    public CommunicationProperties.Sms settings() {
        return settings;
    }

    /** Sends one SMS; answers the provider's id for it. */
    public String send(String to, String body, String statusCallback) throws Refused {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", to);
        form.put("From", settings.from());
        form.put("Body", body);
        if (statusCallback != null) {
            form.put("StatusCallback", statusCallback);
        }
        String encoded = String.join(
                "&",
                form.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .toList());
        String auth = Base64.getEncoder()
                .encodeToString((settings.accountSid() + ":" + settings.authToken()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl()
                                .replaceAll("/+$", "")
                        + "/2010-04-01/Accounts/" + URLEncoder.encode(settings.accountSid(), StandardCharsets.UTF_8)
                        + "/Messages.json"))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Refused("the SMS provider could not be reached", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("interrupted", false);
        }
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            Matcher sid = SID.matcher(response.body());
            if (sid.find()) {
                return sid.group(1);
            }
            throw new Refused("the SMS provider answered without a message id", false);
        }
        String reason = "refused by the SMS provider (" + status + ")";
        Matcher error = ERROR.matcher(response.body());
        if (error.find()) {
            reason = "refused by the SMS provider: " + error.group(1) + " " + error.group(2);
        }
        // 429 and 5xx pass; any other 4xx (an invalid or unsubscribed number, a bad sender) will not.
        throw new Refused(reason, status != 429 && status < 500);
    }

    /** Whether a webhook request really comes from the provider (constant-time comparison). */
    public boolean signedByProvider(String url, Map<String, String> params, String signature) {
        if (signature == null || !configured()) {
            return false;
        }
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(settings.authToken().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] expected =
                    Base64.getEncoder().encode(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
            return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
