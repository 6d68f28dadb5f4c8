package io.openhire.privacy.client;

import io.openhire.platform.events.EventsAutoConfiguration;
import io.openhire.platform.events.ProcessedEvents;
import io.openhire.platform.http.HttpClientsAutoConfiguration;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.http.ServiceClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A service that holds people's data joins data-subject requests by having a {@link DataSubjectHandler} bean: this
 * gives it the {@link DataSubjectRequestListener} that answers for it, named after the service
 * ({@code spring.application.name}). It also needs {@code openhire.clients.services.privacy.url} in its defaults,
 * and its name in the privacy service's {@code openhire.privacy.participants}.
 */
@AutoConfiguration(after = {EventsAutoConfiguration.class, HttpClientsAutoConfiguration.class})
@ConditionalOnBean(DataSubjectHandler.class)
public class DataSubjectRequestsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DataSubjectRequestListener dataSubjectRequestListener(
            @Value("${spring.application.name}") String service,
            DataSubjectHandler handler,
            ServiceClients clients,
            ServiceAccount account,
            ProcessedEvents processed,
            TransactionTemplate transactions,
            JdbcClient jdbc) {
        return new DataSubjectRequestListener(
                service, handler, clients.create(PrivacyApi.class, "privacy"), account, processed, transactions, jdbc);
    }
}
