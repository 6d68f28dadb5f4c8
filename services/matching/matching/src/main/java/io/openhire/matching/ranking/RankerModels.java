package io.openhire.matching.ranking;

import io.openhire.matching.MatchingProperties;
import io.openhire.modelregistry.client.ModelRegistryApi;
import io.openhire.modelregistry.client.ModelView;
import io.openhire.modelregistry.events.ModelPromoted;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.security.PlatformOrganization;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code match-ranker} champion, read from the registry at start, on every {@code model.promoted.v1}
 * of it, and every check interval. Until the registry first answers, the built-in copy of version 1 ranks
 * (and responses say {@code version: null}); a version that cannot be read leaves the current one in place.
 */
@Component
public class RankerModels {

    private static final Logger log = LoggerFactory.getLogger(RankerModels.class);

    private final ModelRegistryApi registry;
    private final ServiceAccount serviceAccount;
    private final JsonMapper json;
    private final MatchingProperties properties;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("matching-ranker-check").daemon(true).factory());
    private volatile RankerModel current = RankerModel.builtIn();
    private volatile String lastProblem;

    RankerModels(
            ModelRegistryApi registry, ServiceAccount serviceAccount, JsonMapper json, MatchingProperties properties) {
        this.registry = registry;
        this.serviceAccount = serviceAccount;
        this.json = json;
        this.properties = properties;
    }

    public RankerModel current() {
        return current;
    }

    public String lastProblem() {
        return lastProblem;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.execute(this::checkAndReschedule);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        scheduler.shutdownNow();
    }

    /** Reads the champion now; returns whether it could. */
    public boolean refresh() {
        try {
            ModelView model =
                    serviceAccount.onBehalfOf(PlatformOrganization.ID, () -> registry.model(RankerModel.NAME));
            Integer version = model.aliasVersion(ModelView.CHAMPION);
            if (version == null) {
                lastProblem = "match-ranker has no champion";
                return false;
            }
            RankerModel now = current;
            if (version.equals(now.version())) {
                lastProblem = null;
                return true;
            }
            byte[] file = serviceAccount.onBehalfOf(
                    PlatformOrganization.ID, () -> registry.artifact(RankerModel.NAME, version));
            current = RankerModel.parse(version, file, json);
            lastProblem = null;
            log.info("Ranking with match-ranker version {}", version);
            return true;
        } catch (RuntimeException e) {
            lastProblem = "match-ranker: " + e.getMessage();
            log.info("match-ranker not read from the registry ({})", e.toString());
            return false;
        }
    }

    private void checkAndReschedule() {
        boolean ok = refresh();
        Duration next = ok ? properties.modelCheckInterval() : Duration.ofSeconds(5);
        if (!scheduler.isShutdown()) {
            scheduler.schedule(this::checkAndReschedule, next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void promoted(ModelPromoted event) {
        if (RankerModel.NAME.equals(event.model()) && "champion".equals(event.alias())) {
            scheduler.execute(this::refresh);
        }
    }

    /**
     * Every instance must hear every promotion: a consumer group per instance, from the newest event (the
     * periodic check covers a missed one).
     */
    @Component
    static class PromotionListener {

        private final RankerModels rankers;
        private final io.openhire.matching.index.MatchIndex index;
        private final JsonMapper json;

        PromotionListener(RankerModels rankers, io.openhire.matching.index.MatchIndex index, JsonMapper json) {
            this.rankers = rankers;
            this.index = index;
            this.json = json;
        }

        @KafkaListener(
                topics = ModelPromoted.TOPIC,
                groupId = "matching-#{T(java.util.UUID).randomUUID()}",
                properties = "auto.offset.reset=latest")
        void promoted(ConsumerRecord<String, String> record) {
            ModelPromoted event = json.readValue(record.value(), ModelPromoted.class);
            rankers.promoted(event);
            if ("text-embedding".equals(event.model()) && "champion".equals(event.alias())) {
                index.checkModelSoon();
            }
        }
    }
}
