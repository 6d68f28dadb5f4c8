package io.openhire.jobingestion.connectors;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.openhire.jobingestion.JobIngestionProperties;
import io.openhire.platform.http.PublicHosts;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every request a crawl makes goes through here, and here only:
 *
 * <ul>
 *   <li>http(s) only, and (unless allowed) never to this machine or a private network;
 *   <li>identifies itself with the configured user agent;
 *   <li>career pages and feeds honour robots.txt (crawler-commons, RFC 9309), cached per site for
 *       {@code robots-cache-ttl}; official APIs (Greenhouse, Lever, USAJOBS) are meant for programs and are not subject to it;
 *   <li>a per-host pace (at least {@code host-interval}, or the site's Crawl-delay up to 30 s) shared by
 *       all crawls of this instance, and a request budget per crawl;
 *   <li>redirects followed by hand (each target checked like the first), answers bounded in size;
 *   <li>a site that cannot be reached fails with one sentence, {@link #UNREACHABLE}, whatever the reason.
 * </ul>
 *
 * Why one sentence: an organisation's user chooses the address, so "refused", "timed out", "not an HTTP
 * server" or "a private address" would let them map hosts and ports through OpenHire (issue 14). The
 * reason is logged at debug level for the operator.
 */
@Component
public class WebFetcher {

    /** What a user sees for a site that could not be reached, for any reason. */
    public static final String UNREACHABLE = "The site could not be reached.";

    private static final Logger log = LoggerFactory.getLogger(WebFetcher.class);
    private static final long MAX_CRAWL_DELAY_MS = 30_000;
    private static final int MAX_REDIRECTS = 5;

    private final JobIngestionProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final SimpleRobotRulesParser robotsParser = new SimpleRobotRulesParser();
    private final Map<String, CachedRules> robots = new ConcurrentHashMap<>();
    private final Map<String, Object> hostLocks = new ConcurrentHashMap<>();
    private final Map<String, Instant> nextRequestAt = new ConcurrentHashMap<>();

    record CachedRules(BaseRobotRules rules, Instant until) {}

    /** An answer: the final URI (after redirects), its content type and body. */
    public record Page(URI uri, String contentType, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    WebFetcher(JobIngestionProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A crawl's view: its own request budget, the instance's shared pacing and robots cache. */
    public Session session() {
        return new Session();
    }

    public final class Session {
        private int requests;

        public int requests() {
            return requests;
        }

        /** A JSON API of an ATS or job board: no robots.txt, but pace, budget and address checks. */
        public Page api(URI uri, Map<String, String> headers) {
            return fetch(uri, headers, false);
        }

        /** A page or feed of a web site: allowed by its robots.txt, or refused with the reason. */
        public Page page(URI uri) {
            return fetch(uri, Map.of(), true);
        }

        private Page fetch(URI uri, Map<String, String> headers, boolean honourRobots) {
            URI current = uri;
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                checkAddress(current);
                if (honourRobots && !rules(current).isAllowed(current.toString())) {
                    throw new ConnectorException("robots.txt of " + current.getHost() + " does not allow "
                            + current.getRawPath() + " for this crawler");
                }
                HttpResponse<InputStream> response = send(current, headers);
                int status = response.statusCode();
                if (status >= 300
                        && status < 400
                        && response.headers().firstValue("Location").isPresent()) {
                    close(response);
                    current = current.resolve(
                            response.headers().firstValue("Location").get());
                    continue;
                }
                if (status < 200 || status >= 300) {
                    close(response);
                    throw new ConnectorException(describe(status) + " from " + shown(current));
                }
                byte[] body = readBounded(response, current);
                String type = response.headers().firstValue("Content-Type").orElse("");
                return new Page(current, type, body);
            }
            throw new ConnectorException("More than " + MAX_REDIRECTS + " redirects from " + shown(uri));
        }

        private HttpResponse<InputStream> send(URI uri, Map<String, String> headers) {
            if (requests >= properties.maxRequestsPerCrawl()) {
                throw new ConnectorException("The crawl used its budget of " + properties.maxRequestsPerCrawl()
                        + " requests; the rest waits for the next crawl");
            }
            requests++;
            pace(uri);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(properties.timeout())
                    .header("User-Agent", properties.userAgent())
                    .header(
                            "Accept",
                            "application/json, application/ld+json, text/html, application/xml;q=0.9, */*;q=0.8");
            headers.forEach(request::setHeader);
            try {
                return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                // refused, timed out, reset, TLS failed, not HTTP at all: the same to the user
                throw unreachable(uri, e.toString(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException("Interrupted while reading " + shown(uri), e);
            }
        }

        private BaseRobotRules rules(URI uri) {
            String site = site(uri);
            CachedRules cached = robots.get(site);
            if (cached != null && cached.until().isAfter(clock.instant())) {
                return cached.rules();
            }
            URI robotsUri = URI.create(site + "/robots.txt");
            BaseRobotRules rules;
            HttpResponse<InputStream> response = send(robotsUri, Map.of());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                byte[] body = readBounded(response, robotsUri);
                rules = robotsParser.parseContent(
                        robotsUri.toString(),
                        body,
                        response.headers().firstValue("Content-Type").orElse("text/plain"),
                        List.of(robotName()));
            } else {
                close(response);
                // RFC 9309: 4xx means no rules (allowed); 5xx and redirects we do not follow mean "assume disallowed".
                rules = robotsParser.failedFetch(status);
            }
            robots.put(site, new CachedRules(rules, clock.instant().plus(properties.robotsCacheTtl())));
            return rules;
        }
    }

    /** "OpenHireBot/0.1 (+https://…)" → "openhirebot": the token robots.txt groups are matched with. */
    String robotName() {
        String agent = properties.userAgent().strip();
        int end = 0;
        while (end < agent.length()
                && (Character.isLetterOrDigit(agent.charAt(end))
                        || agent.charAt(end) == '-'
                        || agent.charAt(end) == '_')) {
            end++;
        }
        return agent.substring(0, Math.max(end, 1)).toLowerCase(Locale.ROOT);
    }

    /** Waits until this host may be asked again; one request at a time per host from this instance. */
    private void pace(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        synchronized (hostLocks.computeIfAbsent(host, h -> new Object())) {
            Instant now = clock.instant();
            Instant allowed = nextRequestAt.getOrDefault(host, now);
            if (allowed.isAfter(now)) {
                try {
                    Thread.sleep(Duration.between(now, allowed));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ConnectorException("Interrupted while waiting to ask " + host + " again", e);
                }
            }
            nextRequestAt.put(host, clock.instant().plus(interval(uri)));
        }
    }

    private Duration interval(URI uri) {
        CachedRules cached = robots.get(site(uri));
        Duration base = properties.hostInterval();
        if (cached != null && cached.rules().getCrawlDelay() > 0) {
            Duration delay = Duration.ofMillis(Math.min(cached.rules().getCrawlDelay(), MAX_CRAWL_DELAY_MS));
            return delay.compareTo(base) > 0 ? delay : base;
        }
        return base;
    }

    private void checkAddress(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ConnectorException("Only http and https addresses can be crawled, not " + shown(uri));
        }
        if (uri.getHost() == null) {
            throw new ConnectorException("The address " + shown(uri) + " has no host");
        }
        if (properties.allowPrivateHosts()) {
            return;
        }
        PublicHosts.Verdict verdict = PublicHosts.check(uri.getHost());
        if (verdict != PublicHosts.Verdict.PUBLIC) {
            throw unreachable(uri, "host is " + verdict, null);
        }
    }

    private static ConnectorException unreachable(URI uri, String reason, Throwable cause) {
        // The address without its query (which may hold an API key); a site's address is not personal data.
        log.debug("{} could not be reached: {}", shown(uri), reason);
        return new ConnectorException(UNREACHABLE, cause);
    }

    private byte[] readBounded(HttpResponse<InputStream> response, URI uri) {
        long max = properties.maxResponseSize().toBytes();
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            if (body.length > max) {
                throw new ConnectorException(
                        shown(uri) + " answered with more than " + properties.maxResponseSize() + "; not read");
            }
            return body;
        } catch (IOException e) {
            throw unreachable(uri, "the answer broke off: " + e, e);
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // nothing more to read from it
        }
    }

    private static String site(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port);
    }

    /** The address without its query (which may hold an API key). */
    static String shown(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return host + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + path;
    }

    private static String describe(int status) {
        return switch (status) {
            case 401, 403 -> "Access refused (HTTP " + status + ")";
            case 404 -> "Not found (HTTP 404)";
            case 410 -> "Gone (HTTP 410)";
            case 429 -> "Rate limited by the source (HTTP 429)";
            default -> status >= 500 ? "The source failed (HTTP " + status + ")" : "Unexpected HTTP " + status;
        };
    }
}
