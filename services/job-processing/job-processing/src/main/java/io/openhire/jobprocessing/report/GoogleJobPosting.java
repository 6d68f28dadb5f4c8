package io.openhire.jobprocessing.report;

import io.openhire.jobingestion.events.JobIngested;
import io.openhire.jobprocessing.client.JobPosting;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * schema.org JobPosting JSON-LD for a job, as Google for Jobs reads it, and the check of Google's
 * structured-data rules (developers.google.com/search/docs/appearance/structured-data/job-posting):
 * required {@code title}, {@code description} (HTML), {@code datePosted}, {@code hiringOrganization} with a
 * name, and {@code jobLocation} with an address — or, for remote jobs, {@code jobLocationType
 * TELECOMMUTE} with {@code applicantLocationRequirements}; recommended {@code validThrough},
 * {@code employmentType}, {@code baseSalary}, {@code identifier}. The JSON-LD is a typed record
 * ({@link JobPosting}, in job-processing-client) rather than free JSON: readers of a review get the same
 * definition the writer uses.
 */
public final class GoogleJobPosting {

    private GoogleJobPosting() {}

    public static JobPosting of(JobIngested job, String descriptionHtml) {
        boolean remote = "REMOTE".equals(job.workplace());
        List<JobIngested.Location> places = job.locations() == null ? List.of() : job.locations();
        List<JobPosting.Country> allowed = remote
                ? places.stream()
                        .map(JobIngested.Location::country)
                        .filter(c -> c != null)
                        .distinct()
                        .map(JobPosting.Country::new)
                        .toList()
                : null;
        List<JobIngested.Location> addressed = places.stream()
                .filter(l -> l.city() != null || l.region() != null)
                .toList();
        List<JobPosting.Place> locations = !addressed.isEmpty() || (!remote && !places.isEmpty())
                ? (addressed.isEmpty() ? places : addressed)
                        .stream()
                                .map(l -> new JobPosting.Place(
                                        new JobPosting.PostalAddress(l.city(), l.region(), l.country())))
                                .toList()
                : null;
        JobIngested.Salary salary = job.salary();
        JobPosting.MonetaryAmount pay = salary != null && (salary.min() != null || salary.max() != null)
                ? new JobPosting.MonetaryAmount(
                        salary.currency(),
                        new JobPosting.QuantitativeValue(salary.min(), salary.max(), salary.period()))
                : null;
        return new JobPosting(
                JobPosting.CONTEXT,
                JobPosting.TYPE,
                job.title(),
                descriptionHtml,
                job.postedAt() == null
                        ? null
                        : job.postedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString(),
                job.expiresAt() == null ? null : job.expiresAt().toString(),
                job.employmentType(),
                job.employer() == null ? null : new JobPosting.Organization(job.employer()),
                job.jobId() == null
                        ? null
                        : new JobPosting.PropertyValue(
                                job.employer() == null ? "OpenHire" : job.employer(),
                                job.jobId().toString()),
                remote ? "TELECOMMUTE" : null,
                allowed,
                locations,
                pay,
                job.applyUrl());
    }

    /** Google's rules this JSON-LD breaks: empty when it is eligible for Google for Jobs. */
    public static List<String> problems(JobPosting ld) {
        List<String> problems = new ArrayList<>();
        if (!JobPosting.TYPE.equals(ld.type())) {
            problems.add("@type must be JobPosting");
        }
        if (blank(ld.title())) {
            problems.add("Missing required property title");
        }
        if (blank(ld.description())) {
            problems.add("Missing required property description");
        }
        if (blank(ld.datePosted())) {
            problems.add("Missing required property datePosted");
        }
        if (!blank(ld.description()) && !ld.description().contains("<")) {
            problems.add("description should be HTML (paragraphs and lists)");
        }
        if (!blank(ld.datePosted()) && !ld.datePosted().matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            problems.add("datePosted must be an ISO 8601 date");
        }
        if (ld.hiringOrganization() == null || blank(ld.hiringOrganization().name())) {
            problems.add("Missing required property hiringOrganization.name");
        }
        boolean telecommute = "TELECOMMUTE".equals(ld.jobLocationType());
        boolean hasAddress = false;
        for (JobPosting.Place place : ld.jobLocation() == null ? List.<JobPosting.Place>of() : ld.jobLocation()) {
            if (place.address() == null || blank(place.address().addressCountry())) {
                problems.add("Each jobLocation needs an address with addressCountry");
            } else {
                hasAddress = true;
            }
        }
        if (!hasAddress && !telecommute) {
            problems.add("Missing required property jobLocation (or jobLocationType TELECOMMUTE for remote jobs)");
        }
        if (telecommute
                && !hasAddress
                && (ld.applicantLocationRequirements() == null
                        || ld.applicantLocationRequirements().isEmpty())) {
            problems.add("A remote job without jobLocation needs applicantLocationRequirements");
        }
        JobPosting.MonetaryAmount pay = ld.baseSalary();
        if (pay != null
                && (blank(pay.currency())
                        || pay.value() == null
                        || blank(pay.value().unitText()))) {
            problems.add("baseSalary needs currency, value and unitText");
        }
        String type = blank(ld.employmentType()) ? null : ld.employmentType();
        if (type != null
                && !List.of(
                                "FULL_TIME",
                                "PART_TIME",
                                "CONTRACTOR",
                                "TEMPORARY",
                                "INTERN",
                                "VOLUNTEER",
                                "PER_DIEM",
                                "OTHER")
                        .contains(type)) {
            problems.add("employmentType must be one of Google's values");
        }
        return problems;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
