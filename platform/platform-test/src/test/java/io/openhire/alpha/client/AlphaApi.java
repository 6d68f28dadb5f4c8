package io.openhire.alpha.client;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/** A stand-in service's client: one typed method, two that break {@code clientsSpeakInRecords}. */
public interface AlphaApi {

    record Alpha(String id, List<String> tags) {}

    @GetExchange("/alphas/{id}")
    Alpha alpha(String id);

    @GetExchange("/alphas")
    List<Map<String, Object>> untypedList();

    @PostExchange("/alphas")
    Alpha untypedBody(@RequestBody Map<String, Object> alpha);
}
