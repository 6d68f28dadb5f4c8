package io.openhire.jobingestion.connectors;

import io.openhire.jobingestion.normalisation.Salary;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Lever Postings API: {@code GET {url}/v0/postings/{site}?mode=json&skip=N&limit=100}, page by page. */
@Component
class LeverConnector implements Connector {

    static final int PAGE = 100;

    @Override
    public SourceKind kind() {
        return SourceKind.LEVER;
    }

    @Override
    public void fetch(Target target, WebFetcher.Session web, Consumer<Posting> sink) {
        String base = target.url().toString().replaceAll("/+$", "") + "/v0/postings/"
                + URLEncoder.encode(target.board(), StandardCharsets.UTF_8) + "?mode=json&limit=" + PAGE;
        for (int skip = 0; ; skip += PAGE) {
            JsonNode page = Json.parse(
                    web.api(URI.create(base + "&skip=" + skip), Map.of()).body(), "Lever site " + target.board());
            if (!page.isArray()) {
                throw new ConnectorException("Lever site " + target.board()
                        + " answered without a list of postings: not a postings response");
            }
            for (JsonNode posting : page) {
                sink.accept(posting(posting, target));
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    static Posting posting(JsonNode p, Target target) {
        JsonNode categories = p.get("categories");
        List<String> locations = new ArrayList<>();
        JsonNode all = categories == null ? null : categories.get("allLocations");
        if (all != null && all.isArray()) {
            all.forEach(l -> locations.add(l.asString()));
        } else if (Json.text(categories, "location") != null) {
            locations.add(Json.text(categories, "location"));
        }
        StringBuilder description = new StringBuilder();
        String plain = Json.text(p, "descriptionPlain");
        description.append(plain != null ? plain : HtmlText.of(Json.text(p, "description")));
        JsonNode lists = p.get("lists");
        if (lists != null && lists.isArray()) {
            for (JsonNode list : lists) {
                description.append("\n\n").append(Json.text(list, "text")).append('\n');
                description.append(HtmlText.of("<ul>" + Json.text(list, "content") + "</ul>"));
            }
        }
        String additional = Json.text(p, "additionalPlain");
        if (additional != null) {
            description.append("\n\n").append(additional);
        }
        BigDecimal createdAt = Json.number(p, "createdAt");
        String workplace = Json.text(p, "workplaceType");
        return new Posting(
                Json.text(p, "id"),
                Json.text(p, "text"),
                target.employer(),
                description.toString().strip(),
                locations,
                "unspecified".equals(workplace) ? null : workplace,
                Json.text(categories, "commitment"),
                salary(p.get("salaryRange")),
                Json.text(p, "salaryDescriptionPlain"),
                createdAt == null ? null : Instant.ofEpochMilli(createdAt.longValue()),
                null,
                Json.text(p, "applyUrl"),
                Json.text(p, "hostedUrl"));
    }

    /** {@code {currency, interval: "per-year-salary", min, max}}. */
    private static Salary salary(JsonNode range) {
        if (range == null || range.isNull()) {
            return null;
        }
        BigDecimal min = Json.number(range, "min");
        BigDecimal max = Json.number(range, "max");
        String currency = Json.text(range, "currency");
        if ((min == null && max == null) || currency == null) {
            return null;
        }
        String interval = String.valueOf(Json.text(range, "interval")).toLowerCase(Locale.ROOT);
        Salary.Period period = interval.contains("hour")
                ? Salary.Period.HOUR
                : interval.contains("day")
                        ? Salary.Period.DAY
                        : interval.contains("week")
                                ? Salary.Period.WEEK
                                : interval.contains("month") ? Salary.Period.MONTH : Salary.Period.YEAR;
        return new Salary(min, max, currency.toUpperCase(Locale.ROOT), period, false, null);
    }
}
