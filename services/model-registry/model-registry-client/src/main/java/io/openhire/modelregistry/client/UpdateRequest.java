package io.openhire.modelregistry.client;

import java.util.List;

/**
 * The body of {@code POST /api/v1/models/update}. {@code action}: {@code PROMOTE} (name, version, alias,
 * reason), {@code ROLLBACK} (name, alias, reason) or {@code SET_GATES} (name, gates). Without an alias,
 * {@code champion} is meant. New versions are registered with a multipart request instead.
 */
public record UpdateRequest(
        String action, String name, Integer version, String alias, String reason, List<Gate> gates) {

    public static final String PROMOTE = "PROMOTE";
    public static final String ROLLBACK = "ROLLBACK";
    public static final String SET_GATES = "SET_GATES";

    /** Points {@code alias} (null: {@code champion}) at {@code version}. */
    public static UpdateRequest promote(String name, int version, String alias, String reason) {
        return new UpdateRequest(PROMOTE, name, version, alias, reason, null);
    }

    /** Points {@code alias} (null: {@code champion}) back where it was before its last move. */
    public static UpdateRequest rollback(String name, String alias, String reason) {
        return new UpdateRequest(ROLLBACK, name, null, alias, reason, null);
    }
}
