package io.openhire.platform.jdbc;

import java.util.List;

/** One page of rows and how many rows there are in all (over every page). */
public record Paged<T>(List<T> items, long total) {

    public Paged {
        items = List.copyOf(items);
    }
}
