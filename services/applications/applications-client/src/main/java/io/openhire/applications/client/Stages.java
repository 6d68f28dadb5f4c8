package io.openhire.applications.client;

import java.util.List;

/**
 * An organisation's stages (active ones in order, then Hired, Rejected and Withdrawn) and its reasons for
 * rejecting.
 */
public record Stages(List<StageView> stages, List<String> rejectionReasons) {}
