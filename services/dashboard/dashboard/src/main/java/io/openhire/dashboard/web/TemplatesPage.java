package io.openhire.dashboard.web;

import io.openhire.communication.client.CommunicationApi;
import io.openhire.communication.client.MessageKind;
import io.openhire.communication.client.TemplateRequest;
import io.openhire.communication.client.TemplateView;
import io.openhire.communication.events.Channel;
import io.openhire.dashboard.api.ApiProblem;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The organisation's message templates: every staff member sees them (with the variables each uses); admins write
 * new ones and change them (each save is a new version; sent messages keep theirs). A template is tried on a real
 * candidate from the composer on their page, which previews it.
 */
@Controller
class TemplatesPage {

    private final CommunicationApi communication;

    TemplatesPage(CommunicationApi communication) {
        this.communication = communication;
    }

    @GetMapping("/templates")
    String templates(@RequestParam(required = false) UUID edit, Model model) {
        TemplateView editing = null;
        if (edit != null) {
            try {
                editing = communication.template(edit);
            } catch (HttpClientErrorException.NotFound e) {
                model.addAttribute("error", "That template does not exist (any more).");
            }
        }
        return render(model, editing, null, null);
    }

    /** A new template ({@code id} empty) or a new version of one; the form comes back with the problem if refused. */
    @PostMapping("/templates")
    String save(
            @RequestParam(required = false) UUID id,
            @RequestParam String name,
            @RequestParam(defaultValue = "en") String language,
            @RequestParam(defaultValue = "TRANSACTIONAL") String kind,
            @RequestParam(required = false) String subject,
            @RequestParam String body,
            Model model) {
        PageModel.requireAdmin("Only an admin of the organisation writes its templates.");
        MessageKind messageKind = "MARKETING".equals(kind) ? MessageKind.MARKETING : MessageKind.TRANSACTIONAL;
        TemplateRequest request = new TemplateRequest(name, Channel.EMAIL, language, messageKind, subject, body);
        try {
            TemplateView saved =
                    id == null ? communication.createTemplate(request) : communication.updateTemplate(id, request);
            return render(model, null, "Saved \"" + saved.name() + "\" (version " + saved.version() + ").", null);
        } catch (RestClientResponseException e) {
            // the form as written, with what was wrong
            TemplateView asWritten = new TemplateView(
                    id, 0, name, Channel.EMAIL, language, messageKind, subject, body, List.of(), null, null);
            return render(model, asWritten, null, ApiProblem.message(e));
        }
    }

    private String render(Model model, TemplateView editing, String notice, String error) {
        List<TemplateView> templates = communication.templates().stream()
                .sorted(Comparator.comparing(TemplateView::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(TemplateView::language))
                .toList();
        model.addAttribute("title", "Templates");
        model.addAttribute("templates", templates);
        model.addAttribute("editing", editing);
        model.addAttribute("notice", notice);
        if (error != null) {
            model.addAttribute("error", error);
        }
        return "templates";
    }
}
