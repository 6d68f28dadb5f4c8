package io.openhire.jobingestion.connectors;

import io.openhire.jobingestion.normalisation.Salary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * schema.org JobPosting (as career sites embed it for Google for Jobs) → {@link Posting}. Accepts what
 * sites really write: a single object, an array, an {@code @graph}; text or objects for organisation,
 * address, country and credentials; {@code baseSalary} as a number, a MonetaryAmount with a value or a
 * min/max range; the extra text fields (responsibilities, qualifications, skills, …) appended to the
 * description as sections.
 */
public final class JsonLdPostings {

    private static final String[][] SECTIONS = {
        {"responsibilities", "Responsibilities"},
        {"qualifications", "Qualifications"},
        {"skills", "Skills"},
        {"educationRequirements", "Education"},
        {"experienceRequirements", "Experience"},
        {"jobBenefits", "Benefits"},
        {"incentiveCompensation", "Incentives"},
        {"workHours", "Working hours"}
    };

    private JsonLdPostings() {}

    /** Every JobPosting in a JSON-LD document, however nested in arrays and graphs. */
    public static List<JsonNode> find(JsonNode root) {
        List<JsonNode> found = new ArrayList<>();
        collect(root, found, 0);
        return found;
    }

    private static void collect(JsonNode node, List<JsonNode> found, int depth) {
        if (node == null || depth > 5) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, found, depth + 1));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (isJobPosting(node)) {
            found.add(node);
            return;
        }
        collect(node.get("@graph"), found, depth + 1);
        collect(node.get("mainEntity"), found, depth + 1);
        collect(node.get("itemListElement"), found, depth + 1);
        collect(node.get("item"), found, depth + 1);
    }

    public static boolean isJobPosting(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.asString().endsWith("JobPosting")) {
                    return true;
                }
            }
            return false;
        }
        return type.asString().endsWith("JobPosting");
    }

    public static Posting posting(JsonNode job, String fallbackId, String pageUrl, String fallbackEmployer) {
        StringBuilder description = new StringBuilder(HtmlText.of(Json.text(job, "description")));
        for (String[] section : SECTIONS) {
            String text = flatText(job.get(section[0]));
            if (text != null) {
                description.append("\n\n").append(section[1]).append('\n').append(HtmlText.of(text));
            }
        }
        List<String> locations = new ArrayList<>();
        for (JsonNode place : list(job.get("jobLocation"))) {
            String text = placeText(place);
            if (text != null) {
                locations.add(text);
            }
        }
        String workplace = null;
        // Where remote applicants may live: only remote jobs state it (Google asks for it with TELECOMMUTE).
        for (JsonNode required : list(job.get("applicantLocationRequirements"))) {
            String name = required.isObject() ? Json.text(required, "name") : required.asString();
            if (name != null) {
                locations.add("Remote - " + name);
                workplace = "remote";
            }
        }
        if ("TELECOMMUTE".equalsIgnoreCase(String.valueOf(Json.text(job, "jobLocationType")))) {
            workplace = "remote";
            if (locations.isEmpty()) {
                locations.add("Remote");
            }
        }
        String identifier = job.get("identifier") == null
                ? null
                : job.get("identifier").isObject()
                        ? Json.text(job.get("identifier"), "value")
                        : Json.text(job, "identifier");
        String title = Json.text(job, "title") != null ? Json.text(job, "title") : Json.text(job, "name");
        JsonNode organisation = job.get("hiringOrganization");
        String employer = organisation == null
                ? fallbackEmployer
                : organisation.isObject() ? Json.text(organisation, "name") : Json.text(job, "hiringOrganization");
        String url = Json.text(job, "url");
        return new Posting(
                identifier != null ? identifier : fallbackId,
                title,
                employer != null ? employer : fallbackEmployer,
                description.toString().strip(),
                locations,
                workplace,
                flatText(job.get("employmentType")),
                salary(job),
                null,
                Json.instant(Json.text(job, "datePosted")),
                Json.instant(Json.text(job, "validThrough")),
                url != null ? url : pageUrl,
                url != null ? url : pageUrl);
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }

    /** Text, or the names/descriptions of objects, or the items of an array, joined by lines. */
    private static String flatText(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(n -> {
                String t = flatText(n);
                if (t != null) {
                    parts.add(t);
                }
            });
            return parts.isEmpty() ? null : String.join(node.size() > 1 ? ", " : "", parts);
        }
        if (node.isObject()) {
            List<String> parts = new ArrayList<>();
            for (String field : new String[] {"name", "credentialCategory", "about", "description"}) {
                String t = Json.text(node, field);
                if (t != null) {
                    parts.add(t);
                }
            }
            BigDecimal months = Json.number(node, "monthsOfExperience");
            if (months != null) {
                parts.add(
                        months.intValue() % 12 == 0
                                ? months.intValue() / 12 + " years of experience"
                                : months.intValue() + " months of experience");
            }
            return parts.isEmpty() ? null : String.join(" ", parts);
        }
        String text = node.asString().strip();
        return text.isEmpty() ? null : text;
    }

    /** A Place with a PostalAddress (or an address as text) → "Kirkland, WA, US". */
    private static String placeText(JsonNode place) {
        if (!place.isObject()) {
            return place.asString().isBlank() ? null : place.asString();
        }
        JsonNode address = place.get("address");
        if (address == null) {
            return Json.text(place, "name");
        }
        if (!address.isObject()) {
            return address.asString();
        }
        List<String> parts = new ArrayList<>();
        for (String field : new String[] {"addressLocality", "addressRegion"}) {
            String t = Json.text(address, field);
            if (t != null) {
                parts.add(t);
            }
        }
        JsonNode country = address.get("addressCountry");
        String countryText = country == null
                ? null
                : country.isObject() ? Json.text(country, "name") : Json.text(address, "addressCountry");
        if (countryText != null) {
            parts.add(countryText);
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** baseSalary: 100000 | "100000" | {currency, value: 5 | {value | minValue, maxValue, unitText}}. */
    static Salary salary(JsonNode job) {
        JsonNode base = job.get("baseSalary");
        if (base == null || base.isNull()) {
            return null;
        }
        String currency = Json.text(job, "salaryCurrency");
        BigDecimal min;
        BigDecimal max;
        String unit = null;
        if (base.isObject()) {
            if (Json.text(base, "currency") != null) {
                currency = Json.text(base, "currency");
            }
            JsonNode value = base.get("value");
            if (value != null && value.isObject()) {
                BigDecimal exact = Json.number(value, "value");
                min = exact != null ? exact : Json.number(value, "minValue");
                max = exact != null ? exact : Json.number(value, "maxValue");
                unit = Json.text(value, "unitText");
            } else {
                min = max = Json.number(base, "value");
                unit = Json.text(base, "unitText");
            }
        } else {
            min = max = Json.number(job, "baseSalary");
        }
        if ((min == null && max == null) || currency == null) {
            return null;
        }
        Salary.Period period = Salary.Period.YEAR;
        if (unit != null) {
            try {
                period = Salary.Period.valueOf(unit.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                period = Salary.Period.YEAR;
            }
        }
        return new Salary(min, max, currency.toUpperCase(Locale.ROOT), period, false, null);
    }
}
