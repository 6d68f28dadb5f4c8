package io.openhire.launcher.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo jobs' pipelines: once the demo resumes are parsed and ranked, each demo job gets its best-fitting demo
 * candidates as applications in several stages (the best at Interview, then Screening, Applied, one rejected
 * with a reason) — through the public API, as a recruiter would, so matching learns from the moves as it does
 * from a recruiter's. Only the demo's own resumes are used: a resume a person uploads meanwhile is theirs to
 * add.
 */
public final class DemoPipeline {

    /** Where the ranked demo candidates go, best first; a job ranking fewer fills fewer. */
    private static final List<String> STAGES = List.of("Interview", "Screening", "Applied", "Rejected");

    private static final String REJECTION = "Skills do not match";

    private final String baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** The applications this demo made, by job, with the stage each was put in (only these are shared). */
    private final Map<String, Map<String, String>> made = new LinkedHashMap<>();

    public DemoPipeline(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * Waits (up to {@code patience}) for the demo jobs to rank the demo resumes, then adds and moves them.
     *
     * @return how many applications were added
     */
    public int seed(String token, List<String> jobIds, Set<String> demoResumeIds, Duration patience)
            throws IOException, InterruptedException {
        Map<String, String> stageIds = stageIds(token);
        Instant giveUp = Instant.now().plus(patience);
        int added = 0;
        for (String jobId : jobIds) {
            List<String> candidates = ranked(token, jobId, demoResumeIds, giveUp);
            for (int i = 0; i < Math.min(STAGES.size(), candidates.size()); i++) {
                HttpResponse<String> created = post(
                        token,
                        "/api/v1/applications",
                        Map.of("candidateId", candidates.get(i), "jobId", jobId, "source", "MATCHING"));
                if (created.statusCode() == 409) {
                    continue; // added before (an earlier, interrupted start)
                }
                expect(created, "adding a demo application", 201);
                added++;
                String stage = STAGES.get(i);
                String applicationId = json.readTree(created.body()).get("id").asString();
                made.computeIfAbsent(jobId, j -> new LinkedHashMap<>()).put(applicationId, stage);
                if (!stage.equals("Applied")) {
                    Map<String, Object> move = new LinkedHashMap<>();
                    move.put("stageId", stageIds.get(stage));
                    if (stage.equals("Rejected")) {
                        move.put("reason", REJECTION);
                    }
                    expect(post(token, "/api/v1/applications/" + applicationId + "/move", move), "a demo move", 200);
                }
            }
        }
        return added;
    }

    /**
     * A demo hiring client: the company "Northwind Logistics", its user (role CLIENT, signing in with the demo
     * password), the first demo job run for it, and that job's two furthest candidates shared with it (one blind,
     * one by name): what a client sees in their portal.
     */
    public void shareWithClient(String token, String jobId, String clientEmail, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> company = post(token, "/api/v1/clients", Map.of("name", "Northwind Logistics"));
        if (company.statusCode() == 409) {
            return; // made before (an earlier, interrupted start)
        }
        expect(company, "the demo client", 201);
        String companyId = json.readTree(company.body()).get("id").asString();
        HttpResponse<String> user = post(
                token,
                "/api/v1/users",
                Map.of("email", clientEmail, "name", "Nora Northwind", "role", "CLIENT", "password", password));
        expect(user, "the demo client's user", 201);
        String userId = json.readTree(user.body()).get("user").get("id").asString();
        expect(
                post(token, "/api/v1/clients/" + companyId + "/members", Map.of("userId", userId)),
                "a client member",
                200);
        expect(
                put(token, "/api/v1/applications/jobs/" + jobId + "/client", Map.of("clientId", companyId)),
                "the client's job",
                200);
        // The demo's own candidates only (a person may have added theirs to the job meanwhile): the one at
        // Interview blind, the one at Screening by name.
        for (Map.Entry<String, String> application :
                made.getOrDefault(jobId, Map.of()).entrySet()) {
            boolean interview = application.getValue().equals("Interview");
            if (interview || application.getValue().equals("Screening")) {
                expect(
                        put(
                                token,
                                "/api/v1/applications/" + application.getKey() + "/share",
                                Map.of("revealed", !interview)),
                        "a demo share",
                        200);
            }
        }
    }

    /** The demo candidates the job ranks above 0, best first; waits until at least three are ranked. */
    private List<String> ranked(String token, String jobId, Set<String> demoResumeIds, Instant giveUp)
            throws IOException, InterruptedException {
        List<String> found = new ArrayList<>();
        while (true) {
            HttpResponse<String> list = get(token, "/api/v1/matches?jobId=" + jobId + "&limit=20");
            found.clear();
            if (list.statusCode() == 200) {
                for (JsonNode line : json.readTree(list.body()).path("matches")) {
                    if (demoResumeIds.contains(line.path("resumeId").asString())
                            && line.path("score").asDouble() >= 1
                            && !found.contains(line.path("candidateId").asString())) {
                        found.add(line.path("candidateId").asString());
                    }
                }
            }
            if (found.size() >= 3 || Instant.now().isAfter(giveUp)) {
                return found;
            }
            Thread.sleep(3_000);
        }
    }

    private Map<String, String> stageIds(String token) throws IOException, InterruptedException {
        HttpResponse<String> stages = get(token, "/api/v1/applications/stages");
        expect(stages, "the stages", 200);
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode stage : json.readTree(stages.body()).path("stages")) {
            ids.put(stage.path("name").asString(), stage.path("id").asString());
        }
        return ids;
    }

    private HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String token, String path, Object body) throws IOException, InterruptedException {
        return send("POST", token, path, body);
    }

    private HttpResponse<String> put(String token, String path, Object body) throws IOException, InterruptedException {
        return send("PUT", token, path, body);
    }

    private HttpResponse<String> send(String method, String token, String path, Object body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, String what, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(what + " answered " + response.statusCode());
        }
    }
}
