package io.openhire.dashboard.live;

import io.openhire.dashboard.DashboardProperties;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live-update streams of this dashboard instance, by organisation: a change in an organisation
 * (a resume parsed, a job analysed) goes to the browsers of that organisation's people only.
 *
 * <p>A lifecycle bean so that a stop ends the streams first: the web server's graceful shutdown (a later
 * phase) waits for open requests, and a browser's stream would hold it up to its timeout.
 */
@Component
public class LiveUpdates implements SmartLifecycle, DisposableBean {

    /** What pages react to: {@code type} resume, job or feedback; {@code id} of that thing; its new status. */
    public record Change(String type, UUID id, String status) {}

    private final Map<UUID, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final DashboardProperties.Live settings;
    private volatile boolean running;
    private final ScheduledExecutorService heartbeat =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "dashboard-live-heartbeat"));

    LiveUpdates(DashboardProperties properties) {
        this.settings = properties.live();
        long every = settings.heartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** A new stream for a person of this organisation; it ends after the configured time (the browser reconnects). */
    public SseEmitter open(UUID organizationId) {
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        if (!running) {
            emitter.complete(); // stopping: the browser reconnects to whichever dashboard answers next
            return emitter;
        }
        Set<SseEmitter> open = streams.computeIfAbsent(organizationId, id -> ConcurrentHashMap.newKeySet());
        open.add(emitter);
        Runnable close = () -> open.remove(emitter);
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(e -> close.run());
        try {
            // Tells the page the stream is up (and gets headers through any proxy at once).
            emitter.send(SseEmitter.event().name("ready").data("{}"));
        } catch (IOException e) {
            open.remove(emitter);
        }
        return emitter;
    }

    /** To every open page of every organisation. */
    public void publishToEveryone(Change change) {
        streams.keySet().forEach(organizationId -> publish(organizationId, change));
    }

    public void publish(UUID organizationId, Change change) {
        Set<SseEmitter> open = streams.get(organizationId);
        if (open == null) {
            return;
        }
        String data = "{\"id\":\"%s\",\"status\":\"%s\"}".formatted(change.id(), change.status());
        for (SseEmitter emitter : open) {
            try {
                emitter.send(SseEmitter.event().name(change.type()).data(data));
            } catch (IOException | IllegalStateException gone) {
                open.remove(emitter);
            }
        }
    }

    private void beat() {
        streams.values().forEach(open -> {
            for (SseEmitter emitter : open) {
                try {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                } catch (IOException | IllegalStateException gone) {
                    open.remove(emitter);
                }
            }
        });
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream (browsers reconnect to whichever dashboard answers next). */
    @Override
    public void stop() {
        running = false;
        streams.values()
                .forEach(open -> open.forEach(emitter -> {
                    try {
                        emitter.complete();
                    } catch (IllegalStateException alreadyGone) {
                        // the browser left meanwhile
                    }
                }));
        streams.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        stop();
    }
}
