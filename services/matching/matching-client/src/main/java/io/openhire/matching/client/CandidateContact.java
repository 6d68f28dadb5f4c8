package io.openhire.matching.client;

import java.util.List;
import java.util.UUID;

/**
 * Who a candidate is and how to reach them, from their newest resume: what communication sends to.
 *
 * @param candidateId the person (resumes with the same email address in one organisation share it)
 * @param name as the newest resume gives it, or null
 * @param emails the addresses found in the newest resume, first the most likely
 * @param phones the phone numbers found there, as written
 * @param resumeIds every resume of the candidate, newest first
 */
public record CandidateContact(
        UUID candidateId, String name, List<String> emails, List<String> phones, List<UUID> resumeIds) {}
