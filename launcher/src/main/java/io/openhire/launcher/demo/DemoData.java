package io.openhire.launcher.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo organisation's jobs and resumes, written by this project ({@code openhire/demo/}): seven
 * postings of different trades, seniorities and places, and twelve resumes rendered as PDF and Word files
 * at first start. Everything goes in through the public API, as a user's data would: the jobs as pushed
 * postings, the resumes as uploads — so the dashboard shows a working shortlist a minute after start.
 * Safe to repeat: postings are keyed by their ids and uploads by their content.
 */
public final class DemoData {

    /**
     * What was added: counts for the console, and what the demo pipelines are made of.
     *
     * @param token the demo admin's access token
     */
    public record Seeded(int jobs, int resumes, String token, List<String> jobIds, java.util.Set<String> resumeIds) {}

    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern JOB_ID = Pattern.compile("\"jobId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final String baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DemoData(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Seeded seed(String email, String password) throws IOException, InterruptedException {
        String token = signIn(email, password);
        HttpResponse<String> jobs = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/jobs/ingest"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(resource("jobs.json"))));
        expect(jobs, "the demo jobs", 200, 201, 202);
        List<String> jobIds = new ArrayList<>();
        Matcher jobId = JOB_ID.matcher(jobs.body());
        while (jobId.find()) {
            if (!jobIds.contains(jobId.group(1))) {
                jobIds.add(jobId.group(1));
            }
        }

        java.util.Set<String> resumeIds = new java.util.LinkedHashSet<>();
        for (Map.Entry<String, List<String>> resume : resumes().entrySet()) {
            byte[] document = DemoDocuments.write(resume.getKey(), resume.getValue());
            HttpResponse<String> uploaded = upload(token, resume.getKey(), document);
            expect(uploaded, "demo resume " + resume.getKey(), 200, 202);
            Matcher id = ID.matcher(uploaded.body());
            if (id.find()) {
                resumeIds.add(id.group(1));
            }
        }
        return new Seeded(jobIds.size(), resumeIds.size(), token, jobIds, resumeIds);
    }

    /** The resumes of {@code resumes.txt}: file name → lines. */
    static Map<String, List<String>> resumes() {
        Map<String, List<String>> resumes = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : resource("resumes.txt").split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (line.startsWith("=== ")) {
                current = new ArrayList<>();
                resumes.put(line.substring(4).strip(), current);
            } else if (current != null) {
                current.add(line.strip());
            }
        }
        return resumes;
    }

    private String signIn(String email, String password) throws IOException, InterruptedException {
        String body = "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password);
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/users/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        expect(login, "signing in as the demo admin", 200);
        Matcher token = TOKEN.matcher(login.body());
        if (!token.find()) {
            throw new IOException("signing in as the demo admin gave no token");
        }
        return token.group(1);
    }

    private HttpResponse<String> upload(String token, String fileName, byte[] document)
            throws IOException, InterruptedException {
        String boundary = "openhire-demo-" + UUID.randomUUID();
        String type = fileName.endsWith(".docx")
                ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                : "application/pdf";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/resumes/upload"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, document, tail))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, String what, int... statuses) throws IOException {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new IOException(what + " answered " + response.statusCode());
    }

    private static String resource(String name) {
        try (InputStream in = DemoData.class.getResourceAsStream("/openhire/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource openhire/demo/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
