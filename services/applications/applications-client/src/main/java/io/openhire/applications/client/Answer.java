package io.openhire.applications.client;

/** An applicant's answer to one of the job's questions, as the question read when they answered. */
public record Answer(String question, String answer) {}
