package io.openhire.dashboard.web;

import io.openhire.applications.client.CandidateCorrection;
import io.openhire.applications.client.CareersApi;
import io.openhire.applications.client.PortalApi;
import io.openhire.applications.client.PortalView;
import io.openhire.applications.client.SignInRequest;
import io.openhire.dashboard.api.ApiProblem;
import io.openhire.dashboard.signin.IdentitySignIn;
import io.openhire.dashboard.signin.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The candidate portal in the browser. A candidate asks for a sign-in link on the career site, follows it (a page
 * with a button: mail scanners that open links must not spend it), and sees their applications, what was read
 * from their resume (correctable), sends a new resume, downloads their data, withdraws an application or their
 * consent. Every call carries the candidate's own token: applications decides what is theirs.
 */
@Controller
class PortalPages {

    private final CareersApi careers;
    private final PortalApi portal;
    private final IdentitySignIn signIn;
    private final SecurityContextRepository contexts;

    PortalPages(CareersApi careers, PortalApi portal, IdentitySignIn signIn, SecurityContextRepository contexts) {
        this.careers = careers;
        this.portal = portal;
        this.signIn = signIn;
        this.contexts = contexts;
    }

    // ---- signing in

    @GetMapping("/careers/{organizationId}/sign-in")
    String askForLink(
            @PathVariable UUID organizationId, org.springframework.security.web.csrf.CsrfToken csrf, Model model) {
        csrf.getToken();
        model.addAttribute("organizationId", organizationId);
        return "portal-sign-in";
    }

    @PostMapping("/careers/{organizationId}/sign-in")
    String sendLink(@PathVariable UUID organizationId, @RequestParam(defaultValue = "") String email, Model model) {
        model.addAttribute("organizationId", organizationId);
        try {
            model.addAttribute(
                    "sent",
                    careers.signIn(organizationId, new SignInRequest(email)).message());
        } catch (RestClientResponseException refused) {
            model.addAttribute("error", ApiProblem.message(refused));
            model.addAttribute("typedEmail", email);
        }
        return "portal-sign-in";
    }

    /** The link from the email: a page with one button, which spends the link. */
    @GetMapping("/portal/sign-in")
    String confirm(
            @RequestParam(defaultValue = "") String token,
            org.springframework.security.web.csrf.CsrfToken csrf,
            Model model) {
        csrf.getToken();
        model.addAttribute("token", token);
        model.addAttribute("confirm", true);
        return "portal-sign-in";
    }

    @PostMapping("/portal/sign-in")
    String redeem(
            @RequestParam(defaultValue = "") String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        SignedInUser user;
        try {
            user = signIn.redeem(token);
        } catch (AuthenticationException refused) {
            model.addAttribute("confirm", true);
            model.addAttribute("error", refused.getMessage());
            return "portal-sign-in";
        }
        // A new session id for the signed-in person (no fixation of one handed out before).
        request.getSession(true);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(user);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:" + (user.hasRole("CANDIDATE") ? "/portal" : "/");
    }

    // ---- the portal

    /** The portal; after a change, with what the change did (each change redirects here: a reload sends nothing). */
    @GetMapping("/portal")
    String portal(Model model) {
        return show(portal.me(), (String) model.getAttribute("notice"), model);
    }

    @PostMapping("/portal/fields")
    String correct(@RequestParam Map<String, String> form, RedirectAttributes flash, Model model) {
        PortalView me = portal.me();
        CandidateCorrection change = new CandidateCorrection(
                changed(form, "name", me),
                changed(form, "email", me),
                changed(form, "phone", me),
                changed(form, "location", me),
                changed(form, "headline", me),
                changed(form, "currentTitle", me));
        if (change.equals(new CandidateCorrection(null, null, null, null, null, null))) {
            return show(me, "Nothing changed.", model);
        }
        try {
            portal.correct(change);
            return done(flash, "Saved: thank you.");
        } catch (RestClientResponseException e) {
            model.addAttribute("fieldsError", ApiProblem.message(e));
            model.addAttribute("typedFields", form);
            return show(me, null, model);
        }
    }

    @PostMapping("/portal/applications/{id}/withdraw")
    String withdraw(@PathVariable UUID id, RedirectAttributes flash, Model model) {
        try {
            portal.withdraw(id);
            return done(flash, "Your application is withdrawn.");
        } catch (RestClientResponseException e) {
            model.addAttribute("error", ApiProblem.message(e));
            return show(portal.me(), null, model);
        }
    }

    @PostMapping("/portal/consent/withdraw")
    String withdrawConsent(@RequestParam(defaultValue = "false") boolean sure, RedirectAttributes flash, Model model) {
        if (!sure) {
            model.addAttribute("error", "Tick the box to confirm: your open applications are withdrawn with it.");
            return show(portal.me(), null, model);
        }
        portal.withdrawConsent();
        return done(flash, "Your consent is withdrawn, and with it your open applications.");
    }

    @PostMapping("/portal/resume")
    String upload(@RequestParam(required = false) MultipartFile file, RedirectAttributes flash, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "Choose your resume (PDF, Word, RTF, ODT or text, up to 10 MB).");
            return show(portal.me(), null, model);
        }
        HttpHeaders fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        fileHeaders.setContentDisposition(ContentDisposition.formData()
                .name("file")
                .filename(file.getOriginalFilename() == null ? "resume" : file.getOriginalFilename())
                .build());
        MultiValueMap<String, HttpEntity<?>> form = new LinkedMultiValueMap<>();
        form.add(
                "file",
                new HttpEntity<>(new org.springframework.core.io.ByteArrayResource(file.getBytes()), fileHeaders));
        try {
            return show(
                    portal.upload(form),
                    "Thank you: your resume is being read. Its details appear here shortly.",
                    model);
        } catch (RestClientResponseException e) {
            model.addAttribute("error", ApiProblem.message(e));
            return show(portal.me(), null, model);
        }
    }

    /** The zip as applications answers it (its type, file name and no-store), passed on. */
    @GetMapping("/portal/export")
    ResponseEntity<byte[]> export() {
        ResponseEntity<byte[]> zip = portal.export();
        HttpHeaders headers = new HttpHeaders();
        for (String name : java.util.List.of(
                HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.CACHE_CONTROL)) {
            java.util.List<String> values = zip.getHeaders().get(name);
            if (values != null) {
                headers.put(name, values);
            }
        }
        return new ResponseEntity<>(zip.getBody(), headers, org.springframework.http.HttpStatus.OK);
    }

    private static String done(RedirectAttributes flash, String notice) {
        flash.addFlashAttribute("notice", notice);
        return "redirect:/portal";
    }

    private String show(PortalView me, String notice, Model model) {
        model.addAttribute("portal", me);
        model.addAttribute("notice", notice);
        model.addAttribute("fieldLabels", PipelinePages.FIELD_LABELS);
        return "portal";
    }

    private static String changed(Map<String, String> form, String field, PortalView me) {
        return PipelinePages.changed(form, field, me.fields());
    }
}
