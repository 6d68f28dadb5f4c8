package io.openhire.privacy.client;

/** {@code PUT /api/v1/privacy/retention}: months of inactivity (6–120) and whether the rule runs. */
public record RetentionRuleUpdate(Integer inactiveMonths, Boolean enabled) {}
