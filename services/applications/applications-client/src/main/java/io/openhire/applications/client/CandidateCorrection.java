package io.openhire.applications.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Corrections of a candidate's parsed fields; a field left out (null) is unchanged, an empty string takes the
 * person's correction back (the parsed value shows again).
 * Every correction is kept beside the parsed value (it teaches the parser).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CandidateCorrection(
        String name, String email, String phone, String location, String headline, String currentTitle) {}
