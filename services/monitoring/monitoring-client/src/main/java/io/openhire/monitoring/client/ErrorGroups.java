package io.openhire.monitoring.client;

import java.util.List;

/** A page of error groups, most recently seen first, and how many match in all. */
public record ErrorGroups(List<ErrorGroup> items, long total, int page, int size) {

    public ErrorGroups {
        items = List.copyOf(items);
    }
}
