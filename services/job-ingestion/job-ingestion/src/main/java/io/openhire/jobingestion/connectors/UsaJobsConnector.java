package io.openhire.jobingestion.connectors;

import io.openhire.jobingestion.normalisation.Salary;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * USAJOBS Search API: {@code GET {url}/api/search?Keyword={board}&ResultsPerPage=250&Page=N} with the
 * organisation's API key ({@code Authorization-Key}) and its email as {@code User-Agent}, as USAJOBS asks.
 */
@Component
class UsaJobsConnector implements Connector {

    static final int PAGE = 250;
    static final int MAX_PAGES = 20;

    @Override
    public SourceKind kind() {
        return SourceKind.USAJOBS;
    }

    @Override
    public void fetch(Target target, WebFetcher.Session web, Consumer<Posting> sink) {
        if (target.apiKey() == null || target.apiUser() == null) {
            throw new ConnectorException("USAJOBS needs an API key and the email it was issued to");
        }
        String base = target.url().toString().replaceAll("/+$", "") + "/api/search?ResultsPerPage=" + PAGE
                + (target.board() == null
                        ? ""
                        : "&Keyword=" + URLEncoder.encode(target.board(), StandardCharsets.UTF_8));
        Map<String, String> headers = Map.of("Authorization-Key", target.apiKey(), "User-Agent", target.apiUser());
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode root = Json.parse(
                    web.api(URI.create(base + "&Page=" + page), headers).body(), "USAJOBS");
            JsonNode result = root.get("SearchResult");
            JsonNode items = result == null ? null : result.get("SearchResultItems");
            if (items == null || !items.isArray()) {
                throw new ConnectorException("USAJOBS answered without SearchResult.SearchResultItems");
            }
            for (JsonNode item : items) {
                JsonNode descriptor = item.get("MatchedObjectDescriptor");
                if (descriptor != null) {
                    sink.accept(posting(Json.text(item, "MatchedObjectId"), descriptor));
                }
            }
            BigDecimal pages = Json.number(result.get("UserArea"), "NumberOfPages");
            if (pages == null || page >= pages.intValue()) {
                return;
            }
        }
    }

    static Posting posting(String id, JsonNode d) {
        List<String> locations = new ArrayList<>();
        JsonNode places = d.get("PositionLocation");
        if (places != null && places.isArray()) {
            places.forEach(p -> {
                String name = Json.text(p, "LocationName");
                String country = Json.text(p, "CountryCode");
                if (name != null) {
                    // "Washington DC, District of Columbia" names no country; USAJOBS gives it apart.
                    locations.add(country == null || name.contains(country) ? name : name + ", " + country);
                }
            });
        }
        JsonNode details = d.path("UserArea").path("Details");
        StringBuilder description = new StringBuilder();
        appendSection(description, null, Json.text(details, "JobSummary"));
        JsonNode duties = details.get("MajorDuties");
        if (duties != null && duties.isArray() && !duties.isEmpty()) {
            description.append("\n\nDuties\n");
            duties.forEach(duty ->
                    description.append("- ").append(duty.asString().strip()).append('\n'));
        }
        appendSection(description, "Qualifications", Json.text(d, "QualificationSummary"));
        appendSection(description, "Education", Json.text(details, "Education"));
        appendSection(description, "Benefits", Json.text(details, "Benefits"));
        JsonNode apply = d.get("ApplyURI");
        JsonNode schedule = d.get("PositionSchedule");
        return new Posting(
                id != null ? id : Json.text(d, "PositionID"),
                Json.text(d, "PositionTitle"),
                Json.text(d, "OrganizationName"),
                description.toString().strip(),
                locations,
                Boolean.parseBoolean(Json.text(details, "RemoteIndicator")) ? "remote" : null,
                schedule != null && schedule.isArray() && !schedule.isEmpty()
                        ? Json.text(schedule.get(0), "Name")
                        : null,
                pay(d.get("PositionRemuneration")),
                null,
                Json.instant(Json.text(d, "PublicationStartDate")),
                Json.instant(Json.text(d, "ApplicationCloseDate")),
                apply != null && apply.isArray() && !apply.isEmpty()
                        ? apply.get(0).asString()
                        : null,
                Json.text(d, "PositionURI"));
    }

    private static void appendSection(StringBuilder out, String heading, String text) {
        if (text == null) {
            return;
        }
        if (!out.isEmpty()) {
            out.append("\n\n");
        }
        if (heading != null) {
            out.append(heading).append('\n');
        }
        out.append(HtmlText.of(text));
    }

    /** {@code [{MinimumRange, MaximumRange, RateIntervalCode: "Per Year" | "PA" | "Per Hour" | "PH"}]}, in USD. */
    private static Salary pay(JsonNode remuneration) {
        if (remuneration == null || !remuneration.isArray() || remuneration.isEmpty()) {
            return null;
        }
        JsonNode r = remuneration.get(0);
        BigDecimal min = Json.number(r, "MinimumRange");
        BigDecimal max = Json.number(r, "MaximumRange");
        if (min == null && max == null) {
            return null;
        }
        String code = String.valueOf(Json.text(r, "RateIntervalCode")).toLowerCase(Locale.ROOT);
        Salary.Period period = code.contains("hour") || code.equals("ph")
                ? Salary.Period.HOUR
                : code.contains("day") || code.equals("pd")
                        ? Salary.Period.DAY
                        : code.contains("week") || code.equals("pw")
                                ? Salary.Period.WEEK
                                : code.contains("month") || code.equals("pm")
                                        ? Salary.Period.MONTH
                                        : Salary.Period.YEAR;
        return new Salary(min, max, "USD", period, false, null);
    }
}
