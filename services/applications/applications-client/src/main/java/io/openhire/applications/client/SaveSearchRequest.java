package io.openhire.applications.client;

public record SaveSearchRequest(String name, CandidateQuery query) {}
