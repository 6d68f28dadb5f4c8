package io.openhire.dashboard.web;

import io.openhire.applications.client.CareerPosting;
import io.openhire.applications.client.CareersApi;
import io.openhire.dashboard.api.ApiProblem;
import java.io.IOException;
import java.util.UUID;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organisation's public career site (no account): its open jobs with a search, each job with its JobPosting
 * JSON-LD (for Google for Jobs) and an apply form — name, email, phone, resume, consent to the organisation's
 * privacy notice, and a hidden field people leave empty. Everything is asked of applications' public API.
 */
@Controller
class CareerPages {

    private final CareersApi careers;
    private final JsonMapper json;

    CareerPages(CareersApi careers, JsonMapper json) {
        this.careers = careers;
        this.json = json;
    }

    @GetMapping("/careers/{organizationId}")
    String site(@PathVariable UUID organizationId, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("site", careers.site(organizationId, q));
        model.addAttribute("organizationId", organizationId);
        return "careers";
    }

    /**
     * @param csrf the form's token, made now: rendered late in a long page it could no longer start the session that
     *     keeps it (the response is already on its way), and the application would be refused as forged
     */
    @GetMapping("/careers/{organizationId}/jobs/{jobId}")
    String job(
            @PathVariable UUID organizationId,
            @PathVariable UUID jobId,
            org.springframework.security.web.csrf.CsrfToken csrf,
            @RequestParam(required = false) String via,
            @RequestParam(required = false) String ref,
            Model model) {
        csrf.getToken();
        // a job board's link: where the applicant came from travels with the form
        model.addAttribute("via", via);
        model.addAttribute("ref", ref);
        return showJob(organizationId, jobId, null, null, model);
    }

    @PostMapping("/careers/{organizationId}/jobs/{jobId}/apply")
    String apply(
            @PathVariable UUID organizationId,
            @PathVariable UUID jobId,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "false") boolean consent,
            @RequestParam(defaultValue = "-1") int noticeVersion,
            @RequestParam(defaultValue = "") String website,
            @RequestParam(required = false) String via,
            @RequestParam(required = false) String ref,
            @RequestParam(name = "answers", required = false) java.util.List<String> answers,
            @RequestParam(required = false) MultipartFile resume,
            Model model)
            throws IOException {
        Applicant typed = new Applicant(name, email, phone);
        model.addAttribute("typedAnswers", answers);
        if (resume == null || resume.isEmpty()) {
            return showJob(
                    organizationId, jobId, "Add your resume (PDF, Word, RTF, ODT or text, up to 10 MB).", typed, model);
        }
        try {
            String fileName = resume.getOriginalFilename() == null ? "resume" : resume.getOriginalFilename();
            String thanks = careers.apply(
                            organizationId,
                            jobId,
                            new CareersApi.Applicant(
                                    name, email, phone, consent, noticeVersion, website, via, ref, answers),
                            new ByteArrayResource(resume.getBytes()),
                            fileName)
                    .message();
            model.addAttribute("thanks", thanks);
            return showJob(organizationId, jobId, null, null, model);
        } catch (RestClientResponseException refused) {
            model.addAttribute("via", via);
            model.addAttribute("ref", ref);
            return showJob(organizationId, jobId, ApiProblem.message(refused), typed, model);
        }
    }

    /** What the applicant typed, shown again with the reason when something was refused (never the file). */
    record Applicant(String name, String email, String phone) {}

    private String showJob(UUID organizationId, UUID jobId, String error, Applicant typed, Model model) {
        CareerPosting posting = careers.posting(organizationId, jobId);
        model.addAttribute("posting", posting);
        model.addAttribute("organizationId", organizationId);
        model.addAttribute("error", error);
        model.addAttribute("typed", typed == null ? new Applicant("", "", "") : typed);
        // Inside <script>: "<" as its JSON escape, so that no text of the posting can close the element.
        model.addAttribute(
                "jsonLd",
                posting.jsonLd() == null
                        ? null
                        : json.writeValueAsString(posting.jsonLd()).replace("<", "\\u003c"));
        return "career-job";
    }
}
