package io.openhire.jobingestion.client;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Which jobs to list; every filter optional (null: not filtered).
 *
 * @param text words to search title, employer and description for (web-search syntax), at most 200 characters
 * @param status {@code OPEN}, {@code CLOSED} or {@code EXPIRED}
 * @param location a city, region or country (name or code) the job is in
 * @param remote true: remote or hybrid only; false: on-site or unstated only
 * @param source a source id, {@code PUSH} or {@code UPLOAD}
 * @param from posted on or after: a date ({@code 2026-11-22}) or an instant
 * @param to posted before: a date or an instant
 * @param includeDuplicates true: near duplicates too, not only canonical jobs
 * @param page from 0
 * @param size 1 to 100
 */
public record JobQuery(
        String text,
        String status,
        String location,
        Boolean remote,
        String source,
        String from,
        String to,
        boolean includeDuplicates,
        int page,
        int size) {

    /** The first page of every canonical job, newest first. */
    public static JobQuery firstPage(int size) {
        return new JobQuery(null, null, null, null, null, null, null, false, 0, size);
    }

    public JobQuery withText(String text) {
        return new JobQuery(text, status, location, remote, source, from, to, includeDuplicates, page, size);
    }

    public JobQuery withStatus(String status) {
        return new JobQuery(text, status, location, remote, source, from, to, includeDuplicates, page, size);
    }

    public JobQuery withLocation(String location) {
        return new JobQuery(text, status, location, remote, source, from, to, includeDuplicates, page, size);
    }

    public JobQuery withRemote(Boolean remote) {
        return new JobQuery(text, status, location, remote, source, from, to, includeDuplicates, page, size);
    }

    public JobQuery withSource(String source) {
        return new JobQuery(text, status, location, remote, source, from, to, includeDuplicates, page, size);
    }

    public JobQuery withPage(int page) {
        return new JobQuery(text, status, location, remote, source, from, to, includeDuplicates, page, size);
    }

    /** The query parameters of {@code GET /api/v1/jobs}, without the filters that are not set. */
    public MultiValueMap<String, String> params() {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        addIfSet(params, "text", text);
        addIfSet(params, "status", status);
        addIfSet(params, "location", location);
        addIfSet(params, "remote", remote == null ? null : remote.toString());
        addIfSet(params, "source", source);
        addIfSet(params, "from", from);
        addIfSet(params, "to", to);
        if (includeDuplicates) {
            params.add("includeDuplicates", "true");
        }
        params.add("page", Integer.toString(page));
        params.add("size", Integer.toString(size));
        return params;
    }

    private static void addIfSet(MultiValueMap<String, String> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.add(name, value);
        }
    }
}
