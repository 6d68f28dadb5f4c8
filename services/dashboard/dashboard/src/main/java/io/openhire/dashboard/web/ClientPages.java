package io.openhire.dashboard.web;

import io.openhire.applications.client.ClientCompany;
import io.openhire.applications.client.ClientCompanyRequest;
import io.openhire.applications.client.ClientFeedbackRequest;
import io.openhire.applications.client.ClientMemberRequest;
import io.openhire.applications.client.ClientsApi;
import io.openhire.applications.client.JobClientRequest;
import io.openhire.dashboard.api.ApiProblem;
import io.openhire.identity.client.IdentityApi;
import io.openhire.identity.client.Role;
import io.openhire.identity.client.UserProfile;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;

/**
 * Hiring clients in the dashboard: admins keep the client companies and put the organisation's CLIENT users in
 * them (/clients); a job page says which client the job is run for; a client user's portal (/client) lists the
 * jobs run for their company and the candidates shared with them, and takes their feedback.
 */
@Controller
class ClientPages {

    private final ClientsApi clients;
    private final IdentityApi identity;

    ClientPages(ClientsApi clients, IdentityApi identity) {
        this.clients = clients;
        this.identity = identity;
    }

    // ---- admins: client companies

    @GetMapping("/clients")
    String companies(Model model) {
        return showCompanies(null, model);
    }

    @PostMapping("/clients")
    String create(@RequestParam(defaultValue = "") String name, Model model) {
        try {
            clients.create(new ClientCompanyRequest(name));
        } catch (RestClientResponseException e) {
            model.addAttribute("error", ApiProblem.message(e));
            model.addAttribute("typedName", name);
        }
        return showCompanies(null, model);
    }

    @PostMapping("/clients/{id}/members")
    String addMember(@PathVariable UUID id, @RequestParam(required = false) UUID userId, Model model) {
        try {
            clients.addMember(id, new ClientMemberRequest(userId));
        } catch (RestClientResponseException e) {
            model.addAttribute("error", ApiProblem.message(e));
        }
        return showCompanies(null, model);
    }

    @PostMapping("/clients/{id}/members/{userId}/remove")
    String removeMember(@PathVariable UUID id, @PathVariable UUID userId, Model model) {
        clients.removeMember(id, userId);
        return showCompanies(null, model);
    }

    @PostMapping("/clients/{id}/delete")
    String delete(@PathVariable UUID id, Model model) {
        clients.delete(id);
        return showCompanies("The client is removed; its users see nothing any more.", model);
    }

    private String showCompanies(String notice, Model model) {
        List<ClientCompany> companies = clients.clients();
        // the CLIENT users not in a company yet (or to move): whom an admin can add
        List<UserProfile> clientUsers = identity.users(0, 200).items().stream()
                .filter(u -> u.role() == Role.CLIENT)
                .toList();
        // where each client user is now: adding them to another client moves them, and the list says so
        java.util.Map<UUID, String> memberOf = new java.util.HashMap<>();
        for (ClientCompany company : companies) {
            company.members().forEach(m -> memberOf.put(m.userId(), company.name()));
        }
        model.addAttribute("companies", companies);
        model.addAttribute("clientUsers", clientUsers);
        model.addAttribute("memberOf", memberOf);
        model.addAttribute("notice", notice);
        return "clients";
    }

    // ---- a job's client (on the job page)

    @GetMapping("/jobs/{id}/client")
    String jobClient(@PathVariable UUID id, Model model) {
        return showJobClient(id, null, model);
    }

    @PostMapping("/jobs/{id}/client")
    String linkJob(@PathVariable UUID id, @RequestParam(defaultValue = "") String clientId, Model model) {
        try {
            clients.linkJob(id, new JobClientRequest(clientId.isBlank() ? null : UUID.fromString(clientId)));
            return showJobClient(id, "Saved.", model);
        } catch (IllegalArgumentException e) {
            model.addAttribute("clientError", "Choose a client from the list.");
        } catch (RestClientResponseException e) {
            model.addAttribute("clientError", ApiProblem.message(e));
        }
        return showJobClient(id, null, model);
    }

    private String showJobClient(UUID jobId, String notice, Model model) {
        var linked = clients.jobClient(jobId).getBody();
        model.addAttribute("jobId", jobId);
        model.addAttribute("jobClient", linked);
        model.addAttribute("companies", clients.clients());
        model.addAttribute("clientNotice", notice);
        return "job-client :: job-client";
    }

    // ---- client users: their portal

    @GetMapping("/client")
    String portal(Model model) {
        model.addAttribute("jobs", clients.clientJobs());
        return "client";
    }

    @GetMapping("/client/jobs/{jobId}")
    String shortlist(@PathVariable UUID jobId, Model model) {
        model.addAttribute("shortlist", clients.shortlist(jobId));
        return "client-shortlist";
    }

    @PostMapping("/client/jobs/{jobId}/feedback")
    String feedback(
            @PathVariable UUID jobId,
            @RequestParam UUID applicationId,
            @RequestParam(required = false) String verdict,
            @RequestParam(defaultValue = "") String comment,
            @RequestParam(defaultValue = "false") boolean requestInterview,
            org.springframework.web.servlet.mvc.support.RedirectAttributes flash,
            Model model) {
        try {
            clients.feedback(applicationId, new ClientFeedbackRequest(verdict, comment, requestInterview));
            // a reload of the page that follows must not send the feedback again
            flash.addFlashAttribute("notice", "Thank you: the recruiter has your feedback.");
            return "redirect:/client/jobs/" + jobId;
        } catch (RestClientResponseException e) {
            model.addAttribute("error", ApiProblem.message(e));
            model.addAttribute("errorFor", applicationId);
            model.addAttribute("typedComment", comment);
        }
        model.addAttribute("shortlist", clients.shortlist(jobId));
        return "client-shortlist";
    }
}
