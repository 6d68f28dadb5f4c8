package io.openhire.dashboard.web;

import io.openhire.dashboard.api.ApiProblem;
import io.openhire.dashboard.api.JobsApi;
import io.openhire.dashboard.api.MatchesApi;
import io.openhire.dashboard.api.ProfilesApi;
import io.openhire.dashboard.api.ResumesApi;
import io.openhire.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Candidates: upload (one file per request, so the page shows each file's progress and outcome), the list
 * of resumes with their parse status (updated live), a resume's parsed profile with the parser's
 * confidence per field, the jobs it matches, and an ATS report against a chosen job.
 */
@Controller
class CandidatesPages {

    static final Set<String> STATUSES = Set.of("RECEIVED", "PARSED", "NEEDS_OCR", "FAILED");

    private final ResumesApi resumes;
    private final ProfilesApi profiles;
    private final JobsApi jobs;
    private final MatchesApi matches;

    CandidatesPages(ResumesApi resumes, ProfilesApi profiles, JobsApi jobs, MatchesApi matches) {
        this.resumes = resumes;
        this.profiles = profiles;
        this.jobs = jobs;
        this.matches = matches;
    }

    @GetMapping("/candidates")
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        if ((status != null && !status.isBlank() && !STATUSES.contains(status)) || page < 0 || page > 10_000) {
            throw ProblemException.badRequest("filter", "Choose a status of Received, Parsed, Needs OCR or Failed.");
        }
        Map<String, Object> found =
                resumes.resumes(Values.query("status", status, "page", String.valueOf(page), "size", "25"));
        model.addAttribute("resumes", Values.list(found, "items"));
        model.addAttribute("total", Values.number(found, "total"));
        model.addAttribute("page", page);
        model.addAttribute("lastPage", (Values.number(found, "total") - 1) / 25);
        model.addAttribute("status", status == null ? "" : status);
        return PageModel.partial(request) ? "candidates :: results" : "candidates";
    }

    /** One row again, when its resume changed (live update). */
    @GetMapping("/candidates/{id}/row")
    String row(@PathVariable UUID id, Model model) {
        model.addAttribute("resume", resumes.resume(id));
        return "candidates :: row";
    }

    /**
     * One file from the upload area: sent on to resume-ingestion with the person's token. Answers JSON for
     * the page's script: the resume id and status, or a sentence saying why the file was refused.
     */
    @PostMapping("/candidates/upload")
    @ResponseBody
    ResponseEntity<Map<String, Object>> upload(@RequestParam("file") MultipartFile file) throws IOException {
        String name = file.getOriginalFilename() == null ? "resume" : file.getOriginalFilename();
        if (file.isEmpty()) {
            return refused(HttpStatus.BAD_REQUEST, name, "The file is empty.");
        }
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", file.getResource())
                .filename(name)
                .contentType(org.springframework.http.MediaType.APPLICATION_OCTET_STREAM);
        parts.part("source", "UPLOAD");
        try {
            Map<String, Object> accepted = new LinkedHashMap<>(resumes.upload(parts.build()));
            accepted.put("fileName", name);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted);
        } catch (RestClientResponseException e) {
            HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
            return refused(
                    status == null || status.is5xxServerError() ? HttpStatus.BAD_GATEWAY : status,
                    name,
                    ApiProblem.message(e));
        }
    }

    @GetMapping("/candidates/{id}")
    String resume(@PathVariable UUID id, Model model) {
        Map<String, Object> resume = resumes.resume(id);
        model.addAttribute("resume", resume);
        Map<String, Object> parsed = Values.map(resume, "profile");
        model.addAttribute("parse", parsed);
        Map<String, Object> profile = Values.map(parsed, "profile");
        model.addAttribute("profile", profile);
        model.addAttribute("fields", fields(profile));
        String name = Values.text(profile, "name");
        model.addAttribute("title", name != null && !name.isBlank() ? name : Values.text(resume, "fileName"));
        model.addAttribute("openJobs", Values.list(jobs.jobs(Values.query("status", "OPEN", "size", "100")), "items"));
        return "candidate";
    }

    /** The original file, downloaded as an attachment with the name resume-ingestion gives it. */
    @GetMapping("/candidates/{id}/original")
    ResponseEntity<byte[]> original(@PathVariable UUID id) {
        ResponseEntity<byte[]> original = resumes.original(id);
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_OCTET_STREAM);
        String disposition = original.getHeaders().getFirst(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION);
        headers.set(
                org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                disposition != null ? disposition : "attachment; filename=\"resume\"");
        headers.set("X-Content-Type-Options", "nosniff");
        return new ResponseEntity<>(original.getBody(), headers, HttpStatus.OK);
    }

    /** The jobs this resume fits best, with the reasons (loaded after the page). */
    @GetMapping("/candidates/{id}/matches")
    String matchingJobs(@PathVariable UUID id, Model model) {
        try {
            model.addAttribute("list", matches.forResume(id, 5));
        } catch (HttpClientErrorException.NotFound | HttpClientErrorException.UnprocessableContent e) {
            model.addAttribute("notYet", "Not searchable yet: the resume is still being parsed and indexed.");
        }
        return "candidate :: matches";
    }

    /** How an applicant tracking system would read the resume for the chosen job, with suggestions. */
    @PostMapping("/candidates/{id}/ats")
    String atsReport(@PathVariable UUID id, @RequestParam UUID jobId, Model model) {
        Map<String, Object> job = jobs.job(jobId);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("resumeId", id);
        request.put("jobId", jobId);
        request.put("jobTitle", job.get("title"));
        request.put("jobText", job.getOrDefault("description", ""));
        model.addAttribute("report", profiles.atsReport(request));
        model.addAttribute("job", job);
        return "candidate :: ats";
    }

    /** A parsed field as the profile table shows it: its value and how sure the parser is (0–100, null: not said). */
    record Field(String label, String value, Long confidence) {}

    static java.util.List<Field> fields(Map<String, Object> profile) {
        if (profile.isEmpty()) {
            return java.util.List.of();
        }
        Map<String, Object> confidence = Values.map(profile, "confidence");
        Object years = profile.get("totalYearsExperience");
        return java.util.List.of(
                field("Name", Values.text(profile, "name"), confidence, "name"),
                field("Email", joined(profile.get("emails")), confidence, "emails"),
                field("Phone", joined(profile.get("phones")), confidence, "phones"),
                field("Location", Values.text(Values.map(profile, "location"), "text"), confidence, "location"),
                field("Headline", Values.text(profile, "headline"), confidence, "headline"),
                field(
                        "Experience",
                        years instanceof Number n
                                ? String.format(java.util.Locale.ROOT, "%.1f years", n.doubleValue())
                                : null,
                        confidence,
                        "totalYearsExperience"),
                field("Summary", Values.text(profile, "summary"), confidence, "summary"),
                field("Work history", count(profile.get("work"), "job"), confidence, "work"),
                field("Education", count(profile.get("education"), "entry"), confidence, "education"),
                field("Skills", count(profile.get("skills"), "skill"), confidence, "skills"),
                field("Languages", joined(profile.get("languages")), confidence, "languages"));
    }

    private static Field field(String label, String value, Map<String, Object> confidence, String key) {
        Long sure = confidence.get(key) instanceof Number n ? Math.round(n.doubleValue() * 100) : null;
        return new Field(label, value == null || value.isBlank() ? null : value, sure);
    }

    private static String count(Object list, String what) {
        int n = list instanceof java.util.List<?> items ? items.size() : 0;
        return n == 0 ? null : n + " " + (n == 1 ? what : what.equals("entry") ? "entries" : what + "s");
    }

    private static String joined(Object list) {
        return list instanceof java.util.List<?> items && !items.isEmpty()
                ? String.join(", ", items.stream().map(String::valueOf).toList())
                : null;
    }

    private static ResponseEntity<Map<String, Object>> refused(HttpStatus status, String name, String message) {
        return ResponseEntity.status(status).body(Map.of("fileName", name, "error", message));
    }
}
