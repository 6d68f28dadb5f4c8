package io.openhire.platform.security;

import io.openhire.platform.crypto.Sha256;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import tools.jackson.databind.json.JsonMapper;

/**
 * identity's revocation list, read from {@code /.well-known/revocations} every few seconds on a
 * background thread, so that checking a token never waits for the network. The list holds SHA-256
 * hashes of subjects (it is public, like the JWKS) and only revocations recent enough to matter: a token
 * issued before an older one has expired anyway.
 *
 * <p>If identity cannot be reached, the last list read stays in force (and the failure is logged once
 * per outage): revocations already known keep working, new ones wait until identity answers again.
 */
public class PublishedRevocations implements TokenRevocations, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PublishedRevocations.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI uri;
    private final HttpClient http;
    private final ScheduledExecutorService poller;
    private volatile Map<String, Instant> revoked = Map.of();
    private volatile boolean failing;
    private volatile boolean readOnce;

    public PublishedRevocations(URI uri, Duration refreshEvery) {
        this.uri = uri;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "token-revocations");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::refresh, 0, refreshEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Optional<Instant> notBefore(String subject) {
        return Optional.ofNullable(revoked.get(Sha256.hex(subject)));
    }

    void refresh() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(3))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("status " + response.statusCode());
            }
            Map<String, Instant> read = new HashMap<>();
            for (RevocationList.Entry entry :
                    JSON.readValue(response.body(), RevocationList.class).revoked()) {
                read.put(entry.subject(), Instant.ofEpochSecond(entry.notBefore()));
            }
            revoked = Map.copyOf(read);
            readOnce = true;
            if (failing) {
                log.info("Token revocation list readable again from {}", uri);
                failing = false;
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (!failing && !readOnce) {
                // At a start, services often come up before identity: not a fault yet, and said once.
                log.info("Token revocation list not readable yet from {} ({}); trying again", uri, e.toString());
                failing = true;
            } else if (!failing) {
                log.warn("Cannot read the token revocation list from {} ({}); keeping the last one", uri, e.toString());
                failing = true;
            }
        }
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
    }
}
