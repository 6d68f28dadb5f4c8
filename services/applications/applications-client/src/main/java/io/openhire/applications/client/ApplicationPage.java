package io.openhire.applications.client;

import java.util.List;

public record ApplicationPage(List<ApplicationView> applications, long total) {}
