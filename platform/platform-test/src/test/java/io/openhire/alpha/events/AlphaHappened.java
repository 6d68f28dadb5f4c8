package io.openhire.alpha.events;

/** A stand-in service "alpha"'s published event. */
public record AlphaHappened(String id) {}
