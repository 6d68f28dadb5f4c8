package io.openhire.applications.client;

import io.openhire.applications.events.StageCategory;
import java.util.UUID;

/** One of an organisation's stages, in its order. */
public record StageView(UUID id, String name, StageCategory category, int position) {}
