package io.openhire.audit.client;

import java.util.List;

/**
 * Entries newest first, and where the next (older) page starts: pass {@code nextBefore} as {@code before}; null
 * when this page is the last.
 */
public record AuditPage(List<AuditEntry> entries, Long nextBefore) {

    public AuditPage {
        entries = List.copyOf(entries);
    }
}
