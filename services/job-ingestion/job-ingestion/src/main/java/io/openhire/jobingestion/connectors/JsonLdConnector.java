package io.openhire.jobingestion.connectors;

import io.openhire.jobingestion.JobIngestionProperties;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A career site that publishes schema.org JobPosting JSON-LD (as Google for Jobs asks sites to): the
 * page itself, and the pages it links to under its own path ({@code /careers} → {@code /careers/123}),
 * up to {@code max-pages-per-site}, each allowed by robots.txt.
 */
@Component
class JsonLdConnector implements Connector {

    private final JobIngestionProperties properties;

    JsonLdConnector(JobIngestionProperties properties) {
        this.properties = properties;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.JSON_LD;
    }

    @Override
    public void fetch(Target target, WebFetcher.Session web, Consumer<Posting> sink) {
        WebFetcher.Page start = web.page(target.url());
        Document page = Jsoup.parse(start.text(), start.uri().toString());
        Found found = postings(page, start.uri(), target, sink);
        int malformed = found.malformed();
        int count = found.postings();
        int visited = 1;
        for (URI link : links(page, start.uri())) {
            if (visited >= properties.maxPagesPerSite()) {
                break;
            }
            visited++;
            WebFetcher.Page detail;
            try {
                detail = web.page(link);
            } catch (ConnectorException e) {
                if (e.getMessage().startsWith("robots.txt") || e.getMessage().startsWith("Not found")) {
                    continue; // one page we may not or cannot read; the others may still be fine
                }
                throw e;
            }
            Found more = postings(Jsoup.parse(detail.text(), detail.uri().toString()), detail.uri(), target, sink);
            count += more.postings();
            malformed += more.malformed();
        }
        if (count == 0) {
            throw new ConnectorException("No schema.org JobPosting found on " + WebFetcher.shown(target.url())
                    + (visited > 1 ? " or the " + (visited - 1) + " pages it links to" : "")
                    + (malformed > 0 ? " (" + malformed + " JSON-LD block(s) were malformed)" : ""));
        }
    }

    record Found(int postings, int malformed) {}

    private static Found postings(Document page, URI uri, Target target, Consumer<Posting> sink) {
        int count = 0;
        int malformed = 0;
        for (Element script : page.select("script[type=application/ld+json]")) {
            JsonNode root;
            try {
                root = Json.parse(script.data().getBytes(java.nio.charset.StandardCharsets.UTF_8), "JSON-LD");
            } catch (ConnectorException e) {
                malformed++;
                continue;
            }
            List<JsonNode> jobs = JsonLdPostings.find(root);
            for (int i = 0; i < jobs.size(); i++) {
                String fallbackId = uri.toString() + (jobs.size() > 1 ? "#" + i : "");
                sink.accept(JsonLdPostings.posting(jobs.get(i), fallbackId, uri.toString(), target.employer()));
                count++;
            }
        }
        return new Found(count, malformed);
    }

    /** Links on the start page to other pages under its path, on the same site, each once. */
    static List<URI> links(Document page, URI start) {
        String path = start.getPath() == null || start.getPath().isEmpty() ? "/" : start.getPath();
        String prefix = path.endsWith("/")
                ? path
                : path.contains(".") ? path.substring(0, path.lastIndexOf('/') + 1) : path + "/";
        Set<URI> out = new LinkedHashSet<>();
        for (Element a : page.select("a[href]")) {
            try {
                URI link = new URI(a.absUrl("href")).normalize();
                link = new URI(link.getScheme(), link.getAuthority(), link.getPath(), link.getQuery(), null);
                if (link.getHost() != null
                        && link.getHost().equalsIgnoreCase(start.getHost())
                        && link.getPort() == start.getPort()
                        && link.getPath() != null
                        && link.getPath().startsWith(prefix)
                        && !link.getPath().equals(path)) {
                    out.add(link);
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // not a link we can follow
            }
        }
        return new ArrayList<>(out);
    }
}
