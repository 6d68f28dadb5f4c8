package io.openhire.dashboard.web;

import io.openhire.applications.client.ApplicationSource;
import io.openhire.applications.client.ApplicationsApi;
import io.openhire.applications.client.Board;
import io.openhire.applications.client.BulkMoveRequest;
import io.openhire.applications.client.CandidateCorrection;
import io.openhire.applications.client.CandidatePage;
import io.openhire.applications.client.CandidateQuery;
import io.openhire.applications.client.CandidateView;
import io.openhire.applications.client.CreateApplicationRequest;
import io.openhire.applications.client.MoveRequest;
import io.openhire.applications.client.NoteRequest;
import io.openhire.applications.client.SaveSearchRequest;
import io.openhire.applications.client.ScorecardRequest;
import io.openhire.applications.client.Scorecards;
import io.openhire.applications.client.StageView;
import io.openhire.applications.client.Stages;
import io.openhire.applications.client.TagsUpdate;
import io.openhire.applications.events.StageCategory;
import io.openhire.dashboard.api.ApiProblem;
import io.openhire.identity.client.Colleague;
import io.openhire.identity.client.IdentityApi;
import io.openhire.jobingestion.client.JobIngestionApi;
import io.openhire.jobingestion.client.JobQuery;
import io.openhire.jobingestion.client.JobView;
import io.openhire.matching.client.JobSettings;
import io.openhire.matching.client.MatchingApi;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The hiring pipeline in the dashboard: a job's board (a column per stage; cards moved by drag and drop, or with
 * the keyboard through each card's "Move to" list; several at once; undo), "Add to job" from a ranking, the
 * person behind a resume (their fields beside what the parser read, tags, notes with mentions, applications),
 * and the search for people. Everything is asked of applications with the person's own token.
 */
@Controller
class PipelinePages {

    /** A move target in a form: a stage id, or for a rejection "stage id::reason". */
    private static final String REASON_SEPARATOR = "::";

    private final ApplicationsApi applications;
    private final JobIngestionApi jobs;
    private final MatchingApi matching;
    private final IdentityApi identity;
    private final io.openhire.applications.client.ClientsApi clients;

    PipelinePages(
            ApplicationsApi applications,
            JobIngestionApi jobs,
            MatchingApi matching,
            IdentityApi identity,
            io.openhire.applications.client.ClientsApi clients) {
        this.clients = clients;
        this.applications = applications;
        this.jobs = jobs;
        this.matching = matching;
        this.identity = identity;
    }

    // ---- A job's board ----

    @GetMapping("/jobs/{id}/board")
    String board(@PathVariable UUID id, Model model) {
        return showBoard(id, null, model);
    }

    /** One card moved (a drop, or its "Move to" list). A refusal is shown above the board, which stays. */
    @PostMapping("/jobs/{id}/board/move")
    String move(@PathVariable UUID id, @RequestParam UUID applicationId, @RequestParam String target, Model model) {
        String error = null;
        try {
            Target to = target(target);
            applications.move(applicationId, new MoveRequest(to.stageId(), to.reason()));
        } catch (RestClientResponseException e) {
            error = ApiProblem.message(e);
        }
        return showBoard(id, error, model);
    }

    @PostMapping("/jobs/{id}/board/undo")
    String undo(@PathVariable UUID id, @RequestParam UUID applicationId, Model model) {
        String error = null;
        try {
            applications.undo(applicationId);
        } catch (RestClientResponseException e) {
            error = ApiProblem.message(e);
        }
        return showBoard(id, error, model);
    }

    /** The cards ticked, all moved to one stage (or none, with the reason shown). */
    @PostMapping("/jobs/{id}/board/move-selected")
    String moveSelected(
            @PathVariable UUID id,
            @RequestParam(name = "applicationIds", required = false) List<UUID> applicationIds,
            @RequestParam String target,
            Model model) {
        String error = null;
        if (applicationIds == null || applicationIds.isEmpty()) {
            error = "Tick the candidates to move first.";
        } else {
            try {
                Target to = target(target);
                applications.moveAll(new BulkMoveRequest(applicationIds, to.stageId(), to.reason()));
            } catch (RestClientResponseException e) {
                error = ApiProblem.message(e);
            }
        }
        return showBoard(id, error, model);
    }

    /** "Add to job" from a ranking line: the candidate enters the first stage; the line says where they are. */
    @PostMapping("/jobs/{id}/add")
    String add(@PathVariable UUID id, @RequestParam UUID candidateId, HttpServletResponse response, Model model) {
        try {
            model.addAttribute(
                    "stageName",
                    applications
                            .create(new CreateApplicationRequest(candidateId, id, ApplicationSource.MATCHING))
                            .stageName());
            // the board beside the ranking shows the new card
            response.setHeader("HX-Trigger", "board-changed");
        } catch (HttpClientErrorException.Conflict already) {
            model.addAttribute("stageName", "in the pipeline");
        } catch (RestClientResponseException e) {
            model.addAttribute("error", ApiProblem.message(e));
        }
        model.addAttribute("jobId", id);
        model.addAttribute("candidateId", candidateId);
        return "pipeline :: added";
    }

    private String showBoard(UUID jobId, String error, Model model) {
        Board board = applications.board(jobId);
        Stages stages = applications.stages();
        model.addAttribute("board", board);
        model.addAttribute("targets", targets(stages));
        model.addAttribute("blind", blind(jobId));
        model.addAttribute("jobId", jobId);
        model.addAttribute("error", error);
        model.addAttribute("reasons", stages.rejectionReasons());
        model.addAttribute(
                "rejectedStageId",
                stages.stages().stream()
                        .filter(s -> s.category() == StageCategory.REJECTED)
                        .map(StageView::id)
                        .findFirst()
                        .orElse(null));
        return "pipeline :: board";
    }

    /** Whether the job is under blind review: then the board shows no names either. */
    private boolean blind(UUID jobId) {
        try {
            JobSettings settings = matching.jobSettings(jobId);
            return settings.blind();
        } catch (RestClientException | DomainException away) {
            return false;
        }
    }

    /**
     * What a card (or the ticked cards) can be moved to: every stage, a rejection once per reason.
     *
     * @param value the form value ({@link #target})
     */
    record MoveTarget(String value, String label, UUID stageId) {}

    static List<MoveTarget> targets(Stages stages) {
        List<MoveTarget> targets = new ArrayList<>();
        for (StageView stage : stages.stages()) {
            if (stage.category() == StageCategory.REJECTED) {
                for (String reason : stages.rejectionReasons()) {
                    targets.add(new MoveTarget(
                            stage.id() + REASON_SEPARATOR + reason, stage.name() + ": " + reason, stage.id()));
                }
            } else {
                targets.add(new MoveTarget(stage.id().toString(), stage.name(), stage.id()));
            }
        }
        return targets;
    }

    record Target(UUID stageId, String reason) {}

    static Target target(String value) {
        String[] parts = value == null ? new String[0] : value.split(REASON_SEPARATOR, 2);
        try {
            return new Target(
                    UUID.fromString(parts[0].strip()), parts.length > 1 && !parts[1].isBlank() ? parts[1] : null);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw ProblemException.badRequest("target", "Choose a stage from the list.");
        }
    }

    /** The questions the job asks applicants on the career site (loaded after the page). */
    @GetMapping("/jobs/{id}/questions")
    String questions(@PathVariable UUID id, Model model) {
        model.addAttribute("questions", applications.questions(id));
        model.addAttribute("jobId", id);
        return "pipeline :: questions";
    }

    /** Saves the questions: the rows with text, in order ("required" ticked or not). */
    @PostMapping("/jobs/{id}/questions")
    String saveQuestions(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        List<io.openhire.applications.client.JobQuestion> questions = new ArrayList<>();
        for (int i = 0; form.containsKey("question" + i); i++) {
            String text = form.get("question" + i).strip();
            if (!text.isEmpty()) {
                questions.add(new io.openhire.applications.client.JobQuestion(text, form.containsKey("required" + i)));
            }
        }
        try {
            model.addAttribute("questions", applications.saveQuestions(id, questions));
            model.addAttribute("questionsSaved", true);
        } catch (RestClientResponseException e) {
            model.addAttribute("questionsError", ApiProblem.message(e));
            model.addAttribute("questions", questions);
        }
        model.addAttribute("jobId", id);
        return "pipeline :: questions";
    }

    // ---- The person behind a resume ----

    /** The person card of a resume's page (loaded after the page); nothing yet while the resume is parsed. */
    @GetMapping("/candidates/{resumeId}/person")
    String person(@PathVariable UUID resumeId, Model model) {
        try {
            return showPerson(applications.candidateOfResume(resumeId), null, model);
        } catch (HttpClientErrorException.NotFound notYet) {
            model.addAttribute("notYet", true);
            return "pipeline :: person";
        }
    }

    @PostMapping("/candidates/people/{candidateId}/fields")
    String correct(@PathVariable UUID candidateId, @RequestParam Map<String, String> form, Model model) {
        CandidateView candidate = applications.candidate(candidateId);
        // Only what the person changed is a correction: an untouched field stays the parser's.
        CandidateCorrection change = new CandidateCorrection(
                changed(form, "name", candidate),
                changed(form, "email", candidate),
                changed(form, "phone", candidate),
                changed(form, "location", candidate),
                changed(form, "headline", candidate),
                changed(form, "currentTitle", candidate));
        if (Arrays.asList(
                        change.name(),
                        change.email(),
                        change.phone(),
                        change.location(),
                        change.headline(),
                        change.currentTitle())
                .stream()
                .allMatch(v -> v == null)) {
            return showPerson(candidate, "Nothing changed.", model);
        }
        try {
            return showPerson(applications.correct(candidateId, change), "Saved.", model);
        } catch (RestClientResponseException e) {
            model.addAttribute("fieldsError", ApiProblem.message(e));
            model.addAttribute("typedFields", form); // what was typed stays, beside the reason
            return showPerson(candidate, null, model);
        }
    }

    @PostMapping("/candidates/people/{candidateId}/tags")
    String tags(@PathVariable UUID candidateId, @RequestParam(defaultValue = "") String tags, Model model) {
        List<String> list = Arrays.stream(tags.split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList();
        try {
            return showPerson(applications.tag(candidateId, new TagsUpdate(list)), null, model);
        } catch (RestClientResponseException e) {
            model.addAttribute("tagsError", ApiProblem.message(e));
            model.addAttribute("typedTags", tags);
            return showPerson(applications.candidate(candidateId), null, model);
        }
    }

    @PostMapping("/candidates/people/{candidateId}/notes")
    String note(
            @PathVariable UUID candidateId,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(name = "mentions", required = false) List<UUID> mentions,
            @RequestParam(required = false) UUID applicationId,
            Model model) {
        try {
            applications.addNote(candidateId, new NoteRequest(text, applicationId, mentions));
        } catch (RestClientResponseException e) {
            model.addAttribute("noteError", ApiProblem.message(e));
            model.addAttribute("noteText", text);
        }
        return showPerson(applications.candidate(candidateId), null, model);
    }

    @PostMapping("/candidates/people/{candidateId}/applications")
    String addToJob(@PathVariable UUID candidateId, @RequestParam UUID jobId, Model model) {
        try {
            applications.create(new CreateApplicationRequest(candidateId, jobId, ApplicationSource.UPLOAD));
        } catch (RestClientResponseException e) {
            model.addAttribute("pipelineError", ApiProblem.message(e));
        }
        return showPerson(applications.candidate(candidateId), null, model);
    }

    @PostMapping("/candidates/people/{candidateId}/move")
    String movePerson(
            @PathVariable UUID candidateId,
            @RequestParam UUID applicationId,
            @RequestParam String target,
            Model model) {
        try {
            Target to = target(target);
            applications.move(applicationId, new MoveRequest(to.stageId(), to.reason()));
        } catch (RestClientResponseException e) {
            model.addAttribute("pipelineError", ApiProblem.message(e));
        }
        return showPerson(applications.candidate(candidateId), null, model);
    }

    /** Records that may be the same person: the same name (staff merge them after a look). */
    private List<io.openhire.applications.client.CandidateSummary> duplicates(CandidateView candidate) {
        String name = candidate.name();
        if (name == null || name.isBlank()) {
            return List.of();
        }
        return applications.candidates(name, null, null, null, null, null, null, 0, 6).candidates().stream()
                .filter(c -> !c.id().equals(candidate.id()))
                .limit(5)
                .toList();
    }

    /** Merges a duplicate record into this one (its resumes, applications, notes, tags and corrections move). */
    @PostMapping("/candidates/people/{candidateId}/merge")
    String merge(@PathVariable UUID candidateId, @RequestParam UUID duplicateId, Model model) {
        try {
            return showPerson(
                    applications.merge(candidateId, new io.openhire.applications.client.MergeRequest(duplicateId)),
                    "Merged: one record now.",
                    model);
        } catch (RestClientResponseException e) {
            model.addAttribute("pipelineError", ApiProblem.message(e));
            return showPerson(applications.candidate(candidateId), null, model);
        }
    }

    /** Takes a resume out of this record into a record of its own (it was someone else's). */
    @PostMapping("/candidates/people/{candidateId}/split")
    String split(@PathVariable UUID candidateId, @RequestParam UUID resumeId, Model model) {
        try {
            applications.split(candidateId, new io.openhire.applications.client.SplitRequest(resumeId));
            return showPerson(
                    applications.candidate(candidateId), "Split: that resume is a person of its own now.", model);
        } catch (RestClientResponseException e) {
            model.addAttribute("pipelineError", ApiProblem.message(e));
            return showPerson(applications.candidate(candidateId), null, model);
        }
    }

    /** Shares an application with its job's client: blind, with the name, or no more ({@code mode}). */
    @PostMapping("/candidates/people/{candidateId}/share")
    String share(
            @PathVariable UUID candidateId,
            @RequestParam UUID applicationId,
            @RequestParam(defaultValue = "blind") String mode,
            Model model) {
        try {
            if ("stop".equals(mode)) {
                clients.unshare(applicationId);
            } else {
                clients.share(applicationId, new io.openhire.applications.client.ShareRequest("named".equals(mode)));
            }
        } catch (RestClientResponseException e) {
            model.addAttribute("pipelineError", ApiProblem.message(e));
        }
        return showPerson(applications.candidate(candidateId), null, model);
    }

    /** The signed-in person's scorecard of one application in its current stage. */
    @PostMapping("/candidates/people/{candidateId}/scorecard")
    String score(
            @PathVariable UUID candidateId,
            @RequestParam UUID applicationId,
            @RequestParam Map<String, String> form,
            Model model) {
        Map<String, Integer> ratings = new LinkedHashMap<>();
        for (int i = 0; form.containsKey("criterion" + i); i++) {
            ratings.put(form.get("criterion" + i), number(form.get("rating" + i)));
        }
        try {
            applications.score(
                    applicationId, new ScorecardRequest(ratings, number(form.get("overall")), form.get("comment")));
            model.addAttribute("scoredId", applicationId);
        } catch (RestClientResponseException e) {
            model.addAttribute("scoreError", ApiProblem.message(e));
            model.addAttribute("scoreErrorId", applicationId);
        }
        return showPerson(applications.candidate(candidateId), null, model);
    }

    private static Integer number(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @PostMapping("/candidates/people/{candidateId}/undo")
    String undoPerson(@PathVariable UUID candidateId, @RequestParam UUID applicationId, Model model) {
        try {
            applications.undo(applicationId);
        } catch (RestClientResponseException e) {
            model.addAttribute("pipelineError", ApiProblem.message(e));
        }
        return showPerson(applications.candidate(candidateId), null, model);
    }

    private String showPerson(CandidateView candidate, String fieldsNotice, Model model) {
        model.addAttribute("person", candidate);
        model.addAttribute("fieldsNotice", fieldsNotice);
        model.addAttribute("notes", applications.notes(candidate.id()));
        model.addAttribute("targets", targets(applications.stages()));
        model.addAttribute("colleagues", colleagues());
        List<UUID> applied =
                candidate.applications().stream().map(a -> a.jobId()).toList();
        model.addAttribute(
                "openJobs",
                jobs.jobs(JobQuery.firstPage(100).withStatus("OPEN").params()).items().stream()
                        .filter(j -> !applied.contains(j.id()))
                        .toList());
        model.addAttribute("fieldLabels", FIELD_LABELS);
        Map<UUID, Scorecards> scorecards = new LinkedHashMap<>();
        for (var application : candidate.applications()) {
            scorecards.put(application.id(), applications.scorecards(application.id()));
        }
        model.addAttribute("scorecards", scorecards);
        model.addAttribute("ratingLabels", RATING_LABELS);
        Map<UUID, io.openhire.applications.client.ShareView> shares = new LinkedHashMap<>();
        for (var application : candidate.applications()) {
            shares.put(application.id(), clients.share(application.id()));
        }
        model.addAttribute("shares", shares);
        model.addAttribute("duplicates", duplicates(candidate));
        return "pipeline :: person";
    }

    private List<Colleague> colleagues() {
        try {
            return identity.colleagues();
        } catch (RestClientException | DomainException away) {
            return List.of(); // identity is away: notes can still be written, without mentions
        }
    }

    static final Map<String, String> FIELD_LABELS = fieldLabels();

    /** The 1–4 scale as interviewers read it. */
    static final Map<Integer, String> RATING_LABELS =
            Map.of(1, "1 · strong no", 2, "2 · no", 3, "3 · yes", 4, "4 · strong yes");

    private static Map<String, String> fieldLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("name", "Name");
        labels.put("email", "Email");
        labels.put("phone", "Phone");
        labels.put("location", "Location");
        labels.put("headline", "Headline");
        labels.put("currentTitle", "Current title");
        return labels;
    }

    /** The form's value when it differs from what is shown ("" clears); null when unchanged or not sent. */
    private static String changed(Map<String, String> form, String field, CandidateView candidate) {
        return changed(form, field, candidate.fields());
    }

    /** The same for any record's fields (a candidate's own, in the portal). */
    static String changed(
            Map<String, String> form,
            String field,
            Map<String, io.openhire.applications.client.CandidateField> fields) {
        String sent = form.get(field);
        if (sent == null) {
            return null;
        }
        var shown = fields.get(field);
        String current = shown == null || shown.value() == null ? "" : shown.value();
        return sent.strip().equals(current) ? null : sent.strip();
    }

    // ---- Searching people ----

    /** The people found (the Candidates page's first section, and its live results). */
    @GetMapping("/candidates/people")
    String people(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String skill,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) UUID stageId,
            @RequestParam(required = false) UUID jobId,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        findPeople(new CandidateQuery(q, skill, null, null, tag, stageId, jobId), page, model);
        return "pipeline :: people";
    }

    @PostMapping("/candidates/people/searches")
    String saveSearch(
            @RequestParam String name,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String skill,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) UUID stageId,
            @RequestParam(required = false) UUID jobId,
            Model model) {
        CandidateQuery query = new CandidateQuery(q, skill, null, null, tag, stageId, jobId);
        try {
            applications.saveSearch(new SaveSearchRequest(name, query));
        } catch (RestClientResponseException e) {
            model.addAttribute("searchError", ApiProblem.message(e));
        }
        findPeople(query, 0, model);
        return "pipeline :: people";
    }

    @PostMapping("/candidates/people/searches/{id}/delete")
    String deleteSearch(@PathVariable UUID id, Model model) {
        try {
            applications.deleteSearch(id);
        } catch (HttpClientErrorException.NotFound gone) {
            // deleted in another tab: the list shows it
        }
        findPeople(new CandidateQuery(null, null, null, null, null, null, null), 0, model);
        return "pipeline :: people";
    }

    static final int PEOPLE_PAGE = 25;

    void findPeople(CandidateQuery query, int page, Model model) {
        if (page < 0 || page > 10_000) {
            throw ProblemException.badRequest("page", "That page does not exist.");
        }
        CandidatePage found = applications.candidates(
                query.q(), query.skill(), null, null, query.tag(), query.stageId(), query.jobId(), page, PEOPLE_PAGE);
        model.addAttribute("people", found.candidates());
        model.addAttribute("peopleTotal", found.total());
        model.addAttribute("peoplePage", page);
        model.addAttribute("peopleLastPage", Math.max(0, (found.total() - 1) / PEOPLE_PAGE));
        model.addAttribute("query", query);
        model.addAttribute("saved", applications.savedSearches());
        model.addAttribute("stages", applications.stages().stages());
        List<JobView> open =
                jobs.jobs(JobQuery.firstPage(100).withStatus("OPEN").params()).items();
        model.addAttribute("searchJobs", open);
    }
}
