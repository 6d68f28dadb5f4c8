package io.openhire.resumeingestion.client;

import java.util.List;

/** A page of resumes (without their profiles) and how many match in all. */
public record ResumePage(List<ResumeView> items, int page, int size, long total) {}
