package io.openhire.jobingestion.upload;

import io.openhire.jobingestion.connectors.HtmlText;
import io.openhire.jobingestion.connectors.JsonLdPostings;
import io.openhire.jobingestion.connectors.Posting;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Postings that users push or upload, in the shapes they have them:
 *
 * <ul>
 *   <li>OpenHire's JSON: {@code {id, title, employer, description | descriptionHtml, location | locations,
 *       workplace, employmentType, salary, postedAt, expiresAt, applyUrl, url}};
 *   <li>schema.org JobPosting JSON-LD (recognised by its {@code @type});
 *   <li>CSV with a header row; columns found by their usual names ("Job Title", "Company Name", "Salary
 *       Estimate", "Job Description", "Location", …), so a job board export can be uploaded as it is.
 * </ul>
 *
 * A field of the wrong type is a {@link BadInput} naming the posting and the field.
 */
public final class PostingInput {

    /** The input cannot be read as postings; the message names where. */
    public static class BadInput extends RuntimeException {
        public BadInput(String message) {
            super(message);
        }
    }

    private static final Map<String, String> CSV_COLUMNS = new HashMap<>();

    static {
        alias("id", "id", "job id", "job_id", "external id", "reference", "requisition id");
        alias("title", "title", "job title", "job_title", "position", "position title");
        alias("employer", "employer", "company", "company name", "company_name", "organization", "hiring organization");
        alias("description", "description", "job description", "job_description");
        alias("location", "location", "locations", "job location");
        alias("salary", "salary", "salary estimate", "pay", "compensation", "salary range");
        alias("employmentType", "employment type", "employment_type", "job type", "contract type");
        alias("workplace", "workplace", "remote", "workplace type");
        alias("postedAt", "posted at", "date posted", "posted", "posting date", "dateposted");
        alias("expiresAt", "expires at", "valid through", "closing date", "validthrough");
        alias("applyUrl", "apply url", "apply_url", "application url");
        alias("url", "url", "link", "job url");
    }

    private static void alias(String field, String... names) {
        for (String name : names) {
            CSV_COLUMNS.put(name, field);
        }
    }

    private PostingInput() {}

    public static List<Posting> fromJson(JsonNode postings) {
        if (postings == null || !postings.isArray()) {
            throw new BadInput("\"postings\" must be a list of postings");
        }
        List<Posting> out = new ArrayList<>();
        int i = 0;
        for (JsonNode node : postings) {
            out.add(fromJson(node, "postings[" + i++ + "]"));
        }
        return out;
    }

    static Posting fromJson(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new BadInput(where + " must be an object");
        }
        if (JsonLdPostings.isJobPosting(node)) {
            return JsonLdPostings.posting(node, null, null, null);
        }
        List<String> locations = new ArrayList<>();
        JsonNode many = node.get("locations");
        if (many != null && !many.isNull()) {
            if (!many.isArray()) {
                throw new BadInput(where + ".locations must be a list of texts");
            }
            many.forEach(l -> locations.add(l.asString()));
        }
        String one = text(node, "location", where);
        if (one != null) {
            locations.add(one);
        }
        String html = text(node, "descriptionHtml", where);
        String description = text(node, "description", where);
        return new Posting(
                text(node, "id", where),
                text(node, "title", where),
                text(node, "employer", where),
                description != null ? description : HtmlText.of(html),
                locations,
                text(node, "workplace", where),
                text(node, "employmentType", where),
                null,
                text(node, "salary", where),
                date(text(node, "postedAt", where), where + ".postedAt"),
                date(text(node, "expiresAt", where), where + ".expiresAt"),
                text(node, "applyUrl", where),
                text(node, "url", where));
    }

    public static List<Posting> fromCsv(String csv) {
        List<List<String>> rows;
        try {
            rows = Csv.read(new StringReader(csv));
        } catch (IOException e) {
            throw new BadInput("The CSV could not be read");
        }
        if (rows.isEmpty()) {
            throw new BadInput("The CSV is empty");
        }
        List<String> header = rows.getFirst();
        String[] fields = new String[header.size()];
        for (int c = 0; c < header.size(); c++) {
            fields[c] = CSV_COLUMNS.get(header.get(c)
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replace('\ufeff', ' ')
                    .strip());
        }
        if (!java.util.Arrays.asList(fields).contains("title")) {
            throw new BadInput("The CSV has no title column (one of: title, job title, position)");
        }
        List<Posting> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.getFirst().isBlank()) {
                continue; // blank line
            }
            Map<String, String> v = new HashMap<>();
            for (int c = 0; c < Math.min(row.size(), fields.length); c++) {
                if (fields[c] != null
                        && !row.get(c).isBlank()
                        && !row.get(c).strip().equals("-1")) {
                    v.put(fields[c], row.get(c).strip());
                }
            }
            String where = "row " + (r + 1);
            String employer = v.get("employer");
            if (employer != null) {
                // Job-board exports append the employer's rating on its own line ("Acme\n3.8").
                employer = employer.replaceAll("\\s*\\n\\s*\\d(?:\\.\\d)?\\s*$", "");
            }
            out.add(new Posting(
                    v.get("id"),
                    v.get("title"),
                    employer,
                    v.get("description"),
                    v.get("location") == null ? List.of() : List.of(v.get("location")),
                    v.get("workplace"),
                    v.get("employmentType"),
                    null,
                    v.get("salary"),
                    date(v.get("postedAt"), where + " date posted"),
                    date(v.get("expiresAt"), where + " closing date"),
                    v.get("applyUrl"),
                    v.get("url")));
        }
        return out;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainer()) {
            throw new BadInput(where + "." + field + " must be a text");
        }
        String text = value.asString().strip();
        return text.isEmpty() ? null : text;
    }

    /** ISO date or date-time. */
    static Instant date(String text, String where) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // a date without time?
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            // a date without time?
        }
        try {
            return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BadInput(where + " must be a date (2026-11-22) or date-time (2026-11-22T09:00:00Z)");
        }
    }
}
