package io.openhire.jobingestion.client;

import java.util.List;

/** A page of jobs (summaries: no description, no duplicates) and how many match in all. */
public record JobPage(List<JobView> items, int page, int size, long total) {}
