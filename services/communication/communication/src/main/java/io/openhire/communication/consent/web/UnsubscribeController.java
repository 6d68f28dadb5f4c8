package io.openhire.communication.consent.web;

import io.openhire.communication.client.MessageView;
import io.openhire.communication.consent.Suppressions;
import io.openhire.communication.consent.UnsubscribeLinks;
import io.openhire.communication.messages.Messages;
import io.openhire.platform.web.ProblemException;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * One-click unsubscribe (RFC 8058), public: the link of each email carries the message id and a signature.
 * A mail client's unsubscribe button POSTs to it; a person who opens the link gets a page with one button
 * (a GET changes nothing: link scanners open links). The address goes on the organisation's suppression list.
 */
@RestController
@RequestMapping("/api/v1/communications/unsubscribe")
class UnsubscribeController {

    private final UnsubscribeLinks links;
    private final Messages messages;
    private final Suppressions suppressions;

    UnsubscribeController(UnsubscribeLinks links, Messages messages, Suppressions suppressions) {
        this.links = links;
        this.messages = messages;
        this.suppressions = suppressions;
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@RequestParam UUID m, @RequestParam String t) {
        checked(m, t);
        String action = "/api/v1/communications/unsubscribe?m=" + m + "&t=" + HtmlUtils.htmlEscape(t);
        return html("""
                <p>Stop receiving emails from this organisation through OpenHire?</p>
                <form method="post" action="%s">
                <input type="hidden" name="List-Unsubscribe" value="One-Click">
                <button type="submit">Unsubscribe</button></form>""".formatted(action));
    }

    @PostMapping(produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> unsubscribe(@RequestParam UUID m, @RequestParam String t) {
        MessageView message = checked(m, t);
        UUID org = messages.organizationOf(m);
        suppressions.add(org, message.to(), Suppressions.Reason.UNSUBSCRIBED, m);
        return html("<p>You are unsubscribed: you will get no more emails from this organisation.</p>");
    }

    private MessageView checked(UUID messageId, String token) {
        if (!links.valid(messageId, token)) {
            throw ProblemException.badRequest("invalid-link", "This unsubscribe link is not valid.");
        }
        return messages.anyOrganization(messageId)
                .filter(found -> "OUTBOUND".equals(found.direction()))
                .orElseThrow(() -> ProblemException.badRequest("invalid-link", "This unsubscribe link is not valid."));
    }

    private static ResponseEntity<String> html(String body) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Unsubscribe</title>"
                        + "</head><body>" + body + "</body></html>");
    }
}
