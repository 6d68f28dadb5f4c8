package io.openhire.modelregistry;

import io.openhire.modelregistry.artifacts.ArtifactStore;
import io.openhire.modelregistry.artifacts.CrfInspector;
import io.openhire.modelregistry.artifacts.OnnxInspector;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.http.ServiceClients;
import io.openhire.storage.client.StorageApi;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The model-registry service: versions of every ML model, their artifacts (in storage), aliases such as
 * {@code champion} and {@code challenger} with their full history, promotion gates and rollback;
 * announces {@code model.promoted.v1} and {@code model.version-registered.v1}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = ModelRegistryConfiguration.class)
@EnableConfigurationProperties(ModelRegistryProperties.class)
public class ModelRegistryConfiguration {

    @Bean
    Clock modelRegistryClock() {
        return Clock.systemUTC();
    }

    @Bean
    ArtifactStore artifactStore(ServiceClients clients, ServiceAccount serviceAccount) {
        return new ArtifactStore(clients.create(StorageApi.class, "storage"), serviceAccount);
    }

    @Bean
    OnnxInspector onnxInspector() {
        return new OnnxInspector();
    }

    @Bean
    CrfInspector crfInspector() {
        return new CrfInspector();
    }
}
