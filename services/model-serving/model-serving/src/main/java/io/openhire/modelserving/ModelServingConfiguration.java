package io.openhire.modelserving;

import io.openhire.modelregistry.client.ModelRegistryApi;
import io.openhire.modelserving.cache.EmbeddingCache;
import io.openhire.modelserving.registry.ModelFiles;
import io.openhire.platform.http.HttpClientsProperties;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.http.ServiceClients;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The model-serving service (Model API + Model Cache): serves the registry's text-embedding models on
 * ONNX Runtime with micro-batching and a result cache, swaps versions when aliases move, and falls back to
 * lexical vectors (saying so) when a model cannot serve. Keeps no database.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = ModelServingConfiguration.class)
@EnableConfigurationProperties(ModelServingProperties.class)
@EnableScheduling
public class ModelServingConfiguration {

    @Bean
    Clock modelServingClock() {
        return Clock.systemUTC();
    }

    @Bean
    ModelRegistryApi registryApi(ServiceClients clients) {
        return clients.create(ModelRegistryApi.class, "model-registry");
    }

    @Bean
    ModelFiles modelFiles(
            ModelServingProperties properties, HttpClientsProperties clients, ServiceAccount serviceAccount) {
        return new ModelFiles(properties.modelDir(), clients.urlOf("model-registry"), serviceAccount);
    }

    @Bean(destroyMethod = "close")
    EmbeddingCache embeddingCache(ModelServingProperties properties) {
        return new EmbeddingCache(properties.cache());
    }
}
