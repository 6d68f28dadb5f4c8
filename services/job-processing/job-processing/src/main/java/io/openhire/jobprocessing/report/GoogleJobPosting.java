package io.openhire.jobprocessing.report;

import io.openhire.jobingestion.events.JobIngested;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * schema.org JobPosting JSON-LD for a job, as Google for Jobs reads it, and the check of Google's
 * structured-data rules (developers.google.com/search/docs/appearance/structured-data/job-posting):
 * required {@code title}, {@code description} (HTML), {@code datePosted}, {@code hiringOrganization} with a
 * name, and {@code jobLocation} with an address — or, for remote jobs, {@code jobLocationType
 * TELECOMMUTE} with {@code applicantLocationRequirements}; recommended {@code validThrough},
 * {@code employmentType}, {@code baseSalary}, {@code identifier}.
 */
public final class GoogleJobPosting {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GoogleJobPosting() {}

    public static ObjectNode of(JobIngested job, String descriptionHtml) {
        ObjectNode ld = JSON.createObjectNode();
        ld.put("@context", "https://schema.org/");
        ld.put("@type", "JobPosting");
        ld.put("title", job.title());
        ld.put("description", descriptionHtml);
        if (job.postedAt() != null) {
            ld.put(
                    "datePosted",
                    job.postedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
        if (job.expiresAt() != null) {
            ld.put("validThrough", job.expiresAt().toString());
        }
        if (job.employmentType() != null) {
            ld.put("employmentType", job.employmentType());
        }
        if (job.employer() != null) {
            ObjectNode org = ld.putObject("hiringOrganization");
            org.put("@type", "Organization");
            org.put("name", job.employer());
        }
        if (job.jobId() != null) {
            ObjectNode id = ld.putObject("identifier");
            id.put("@type", "PropertyValue");
            id.put("name", job.employer() == null ? "OpenHire" : job.employer());
            id.put("value", job.jobId().toString());
        }
        boolean remote = "REMOTE".equals(job.workplace());
        List<JobIngested.Location> places = job.locations() == null ? List.of() : job.locations();
        if (remote) {
            ld.put("jobLocationType", "TELECOMMUTE");
            ArrayNode allowed = ld.putArray("applicantLocationRequirements");
            places.stream()
                    .filter(l -> l.country() != null)
                    .map(JobIngested.Location::country)
                    .distinct()
                    .forEach(c -> {
                        ObjectNode country = allowed.addObject();
                        country.put("@type", "Country");
                        country.put("name", c);
                    });
        }
        List<JobIngested.Location> addressed = places.stream()
                .filter(l -> l.city() != null || l.region() != null)
                .toList();
        if (!addressed.isEmpty() || (!remote && !places.isEmpty())) {
            ArrayNode locations = ld.putArray("jobLocation");
            for (JobIngested.Location l : addressed.isEmpty() ? places : addressed) {
                ObjectNode place = locations.addObject();
                place.put("@type", "Place");
                ObjectNode address = place.putObject("address");
                address.put("@type", "PostalAddress");
                if (l.city() != null) {
                    address.put("addressLocality", l.city());
                }
                if (l.region() != null) {
                    address.put("addressRegion", l.region());
                }
                if (l.country() != null) {
                    address.put("addressCountry", l.country());
                }
            }
        }
        JobIngested.Salary salary = job.salary();
        if (salary != null && (salary.min() != null || salary.max() != null)) {
            ObjectNode pay = ld.putObject("baseSalary");
            pay.put("@type", "MonetaryAmount");
            pay.put("currency", salary.currency());
            ObjectNode value = pay.putObject("value");
            value.put("@type", "QuantitativeValue");
            if (salary.min() != null) {
                value.put("minValue", salary.min());
            }
            if (salary.max() != null) {
                value.put("maxValue", salary.max());
            }
            value.put("unitText", salary.period());
        }
        if (job.applyUrl() != null) {
            ld.put("url", job.applyUrl());
        }
        return ld;
    }

    /** Google's rules this JSON-LD breaks: empty when it is eligible for Google for Jobs. */
    public static List<String> problems(JsonNode ld) {
        List<String> problems = new ArrayList<>();
        if (!"JobPosting".equals(text(ld, "@type"))) {
            problems.add("@type must be JobPosting");
        }
        for (String field : List.of("title", "description", "datePosted")) {
            if (text(ld, field) == null) {
                problems.add("Missing required property " + field);
            }
        }
        if (text(ld, "description") != null && !text(ld, "description").contains("<")) {
            problems.add("description should be HTML (paragraphs and lists)");
        }
        if (text(ld, "datePosted") != null && !text(ld, "datePosted").matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            problems.add("datePosted must be an ISO 8601 date");
        }
        JsonNode org = ld.get("hiringOrganization");
        if (org == null || text(org, "name") == null) {
            problems.add("Missing required property hiringOrganization.name");
        }
        boolean telecommute = "TELECOMMUTE".equals(text(ld, "jobLocationType"));
        JsonNode locations = ld.get("jobLocation");
        boolean hasAddress = false;
        if (locations != null && locations.isArray()) {
            for (JsonNode place : locations) {
                JsonNode address = place.get("address");
                if (address == null || text(address, "addressCountry") == null) {
                    problems.add("Each jobLocation needs an address with addressCountry");
                } else {
                    hasAddress = true;
                }
            }
        }
        if (!hasAddress && !telecommute) {
            problems.add("Missing required property jobLocation (or jobLocationType TELECOMMUTE for remote jobs)");
        }
        if (telecommute && !hasAddress) {
            JsonNode allowed = ld.get("applicantLocationRequirements");
            if (allowed == null || !allowed.isArray() || allowed.isEmpty()) {
                problems.add("A remote job without jobLocation needs applicantLocationRequirements");
            }
        }
        JsonNode pay = ld.get("baseSalary");
        if (pay != null) {
            JsonNode value = pay.get("value");
            if (text(pay, "currency") == null || value == null || text(value, "unitText") == null) {
                problems.add("baseSalary needs currency, value and unitText");
            }
        }
        String type = text(ld, "employmentType");
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

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isContainer() || v.asString().isBlank() ? null : v.asString();
    }
}
