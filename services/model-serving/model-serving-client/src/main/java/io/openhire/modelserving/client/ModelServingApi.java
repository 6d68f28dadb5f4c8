package io.openhire.modelserving.client;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.PostExchange;

/** model-serving's prediction endpoint, as an HTTP interface for {@code ServiceClients}. */
public interface ModelServingApi {

    @PostExchange("/api/v1/predict")
    Prediction predict(@RequestBody PredictRequest request);
}
