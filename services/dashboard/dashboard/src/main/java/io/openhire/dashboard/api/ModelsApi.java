package io.openhire.dashboard.api;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/** model-registry: models, versions, aliases and their history; promotion and rollback. */
public interface ModelsApi {

    @GetExchange("/api/v1/models/registered")
    List<Map<String, Object>> models();

    @GetExchange("/api/v1/models/{name}")
    Map<String, Object> model(@PathVariable String name);

    @GetExchange("/api/v1/models/{name}/history")
    Map<String, Object> history(@PathVariable String name, @RequestParam int limit);

    /** {@code {action: PROMOTE|ROLLBACK, name, version?, alias?, reason?}} */
    @PostExchange("/api/v1/models/update")
    Map<String, Object> update(@RequestBody Map<String, Object> action);
}
