package io.openhire.audit.client;

/**
 * {@code POST /api/v1/logs/alert}: a name (1–100 characters), the action it counts ({@code resume.downloaded}),
 * how many are allowed (1–100,000) and in how many minutes (1–10,080, a week).
 */
public record NewAlertRule(String name, String action, Integer threshold, Integer windowMinutes) {}
