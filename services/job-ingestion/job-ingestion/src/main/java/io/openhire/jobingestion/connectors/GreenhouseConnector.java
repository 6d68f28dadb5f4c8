package io.openhire.jobingestion.connectors;

import io.openhire.jobingestion.normalisation.Salary;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Greenhouse Job Board API: one request, {@code GET {url}/v1/boards/{board}/jobs?content=true}, returns
 * every published job with its (doubly escaped) HTML content, offices and pay ranges.
 */
@Component
class GreenhouseConnector implements Connector {

    @Override
    public SourceKind kind() {
        return SourceKind.GREENHOUSE;
    }

    @Override
    public void fetch(Target target, WebFetcher.Session web, Consumer<Posting> sink) {
        URI uri = URI.create(target.url().toString().replaceAll("/+$", "") + "/v1/boards/"
                + URLEncoder.encode(target.board(), StandardCharsets.UTF_8) + "/jobs?content=true");
        JsonNode root = Json.parse(web.api(uri, Map.of()).body(), "Greenhouse board " + target.board());
        JsonNode jobs = root.get("jobs");
        if (jobs == null || !jobs.isArray()) {
            throw new ConnectorException("Greenhouse board " + target.board()
                    + " answered without a \"jobs\" list: not a job board response");
        }
        for (JsonNode job : jobs) {
            sink.accept(posting(job, target));
        }
    }

    static Posting posting(JsonNode job, Target target) {
        List<String> locations = new ArrayList<>();
        JsonNode offices = job.get("offices");
        if (offices != null && offices.isArray()) {
            // Offices form a tree ("East Coast" → "New York City"): the leaves say where the job is.
            for (JsonNode office : offices) {
                JsonNode children = office.get("child_ids");
                boolean leaf = children == null || !children.isArray() || children.isEmpty();
                String where = Json.text(office, "location");
                if (leaf && where != null) {
                    locations.add(where);
                }
            }
        }
        if (locations.isEmpty() && Json.text(job.get("location"), "name") != null) {
            locations.add(Json.text(job.get("location"), "name"));
        }
        String published = Json.text(job, "first_published");
        return new Posting(
                Json.text(job, "id"),
                Json.text(job, "title"),
                target.employer(),
                HtmlText.ofEscaped(Json.text(job, "content")),
                locations,
                null,
                null,
                pay(job.get("pay_input_ranges")),
                null,
                Json.instant(published != null ? published : Json.text(job, "updated_at")),
                null,
                Json.text(job, "absolute_url"),
                Json.text(job, "absolute_url"));
    }

    /** The first pay range (Greenhouse gives yearly amounts in cents). */
    private static Salary pay(JsonNode ranges) {
        if (ranges == null || !ranges.isArray() || ranges.isEmpty()) {
            return null;
        }
        JsonNode range = ranges.get(0);
        BigDecimal min = Json.number(range, "min_cents");
        BigDecimal max = Json.number(range, "max_cents");
        String currency = Json.text(range, "currency_type");
        if ((min == null && max == null) || currency == null) {
            return null;
        }
        BigDecimal hundred = BigDecimal.valueOf(100);
        return new Salary(
                min == null ? null : min.divide(hundred),
                max == null ? null : max.divide(hundred),
                currency,
                Salary.Period.YEAR,
                false,
                Json.text(range, "title"));
    }
}
