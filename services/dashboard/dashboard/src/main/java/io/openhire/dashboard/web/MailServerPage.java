package io.openhire.dashboard.web;

import io.openhire.communication.client.CommunicationApi;
import io.openhire.communication.client.MailAccountRequest;
import io.openhire.communication.client.MailAccountView;
import io.openhire.dashboard.api.ApiProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Where the organisation's email leaves from (its admins): OpenHire's mail server, or its own SMTP relay and IMAP
 * mailbox. communication signs in to both before it keeps anything; passwords are never shown again (left empty
 * in a change, the stored ones stay).
 */
@Controller
class MailServerPage {

    private final CommunicationApi communication;

    MailServerPage(CommunicationApi communication) {
        this.communication = communication;
    }

    @ModelAttribute
    void adminsOnly() {
        PageModel.requireAdmin("Only an admin of the organisation sets its mail server.");
    }

    @GetMapping("/mail-server")
    String page(Model model) {
        return render(model, current(), null, null);
    }

    @PostMapping("/mail-server")
    String save(
            @RequestParam String smtpHost,
            @RequestParam(required = false) Integer smtpPort,
            @RequestParam(required = false) String smtpUser,
            @RequestParam(required = false) String smtpPassword,
            @RequestParam String from,
            @RequestParam(required = false) String replyTo,
            @RequestParam(required = false) String imapHost,
            @RequestParam(required = false) Integer imapPort,
            @RequestParam(required = false) String imapUser,
            @RequestParam(required = false) String imapPassword,
            @RequestParam(defaultValue = "false") boolean tls,
            Model model) {
        MailAccountRequest request = new MailAccountRequest(
                smtpHost,
                smtpPort,
                smtpUser,
                emptyToNull(smtpPassword),
                from,
                emptyToNull(replyTo),
                emptyToNull(imapHost),
                imapPort,
                emptyToNull(imapUser),
                emptyToNull(imapPassword),
                tls);
        try {
            MailAccountView saved = communication.saveMailAccount(request);
            return render(model, saved, "Saved: your email now leaves through " + saved.smtpHost() + ".", null);
        } catch (RestClientResponseException e) {
            // the form as typed (without the passwords), and why communication refused it
            model.addAttribute("typed", request);
            return render(model, current(), null, ApiProblem.message(e));
        }
    }

    @PostMapping("/mail-server/remove")
    String remove(Model model) {
        try {
            communication.deleteMailAccount();
        } catch (HttpClientErrorException.NotFound already) {
            // already on OpenHire's mail server
        }
        return render(model, null, "Your email leaves through OpenHire's mail server again.", null);
    }

    private MailAccountView current() {
        try {
            return communication.mailAccount();
        } catch (HttpClientErrorException.NotFound none) {
            return null;
        }
    }

    private static String render(Model model, MailAccountView account, String notice, String error) {
        model.addAttribute("title", "Mail server");
        model.addAttribute("account", account);
        model.addAttribute("notice", notice);
        model.addAttribute("error", error);
        return "mail-server";
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
