package io.openhire.applications.client;

import java.util.List;

/** A job's shortlist as its client sees it. */
public record Shortlist(ClientJob job, List<ShortlistEntry> candidates) {}
