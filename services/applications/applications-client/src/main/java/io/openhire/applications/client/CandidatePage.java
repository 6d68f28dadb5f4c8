package io.openhire.applications.client;

import java.util.List;

public record CandidatePage(List<CandidateSummary> candidates, long total) {}
