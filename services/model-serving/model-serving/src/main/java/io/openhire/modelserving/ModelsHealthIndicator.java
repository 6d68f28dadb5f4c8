package io.openhire.modelserving;

import io.openhire.modelserving.runtime.ModelManager;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code DEGRADED} while a served model has no version loaded (its requests get the lexical fallback):
 * the service still answers (HTTP 200), but not as well as it should.
 */
@Component("models")
class ModelsHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "A served model is not loaded; the lexical fallback answers");

    private final ModelManager models;

    ModelsHealthIndicator(ModelManager models) {
        this.models = models;
    }

    @Override
    public Health health() {
        Health.Builder health = models.degraded() ? Health.status(DEGRADED) : Health.up();
        for (ModelManager.Route route : models.routes()) {
            health.withDetail(
                    route.spec().key(),
                    route.current() == null
                            ? "fallback: " + route.problem()
                            : "version " + route.current().version());
        }
        return health.build();
    }
}
