package io.openhire.applications.client;

import java.util.List;
import java.util.UUID;

/** An organisation's career site: its open jobs (those matching the search), newest first. */
public record CareerSite(UUID organizationId, String q, List<CareerJob> jobs) {}
