package io.openhire.alpha.internal;

/** A stand-in service "alpha"'s internals. */
public class AlphaStore {
    public String find(String id) {
        return id;
    }
}
