package io.openhire.applications.client;

/** A client company's name (1–120 characters, unique in the organisation). */
public record ClientCompanyRequest(String name) {}
