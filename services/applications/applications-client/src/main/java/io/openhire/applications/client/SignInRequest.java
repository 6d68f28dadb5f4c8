package io.openhire.applications.client;

/** A candidate asks for a link to sign in to the organisation's candidate portal. */
public record SignInRequest(String email) {}
