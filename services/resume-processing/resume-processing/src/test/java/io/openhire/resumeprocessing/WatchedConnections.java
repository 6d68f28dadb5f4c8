package io.openhire.resumeprocessing;

import io.openhire.platform.http.ServiceClients;
import io.openhire.resumeprocessing.extraction.TextExtractor;
import io.openhire.storage.client.ObjectListing;
import io.openhire.storage.client.ObjectMetadata;
import io.openhire.storage.client.StorageApi;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Storage and the text extractor as the service has them, but noting every call made while the thread
 * holds a transaction or a database connection. Not a {@code @Configuration}, so that the service's
 * component scan does not pick it up; imported.
 */
class WatchedConnections {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<String> madeHoldingAConnection = new CopyOnWriteArrayList<>();
    private final DataSource dataSource;

    WatchedConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void watch(String call) {
        calls.add(call);
        if (TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.hasResource(dataSource)) {
            madeHoldingAConnection.add(call);
        }
    }

    @Bean
    @Primary
    StorageApi watchedStorage(ServiceClients clients) {
        StorageApi storage = clients.create(StorageApi.class, "storage");
        return new StorageApi() {
            @Override
            public ObjectMetadata put(String bucket, String key, String mediaType, byte[] bytes) {
                watch("put " + bucket + "/" + key);
                return storage.put(bucket, key, mediaType, bytes);
            }

            @Override
            public byte[] get(String bucket, String key) {
                watch("get " + bucket + "/" + key);
                return storage.get(bucket, key);
            }

            @Override
            public ObjectListing list(String bucket, String prefix, int limit) {
                watch("list " + bucket);
                return storage.list(bucket, prefix, limit);
            }

            @Override
            public void delete(String bucket, String key) {
                watch("delete " + bucket + "/" + key);
                storage.delete(bucket, key);
            }
        };
    }

    @Bean
    @Primary
    TextExtractor watchedExtractor(ResumeProcessingProperties properties) {
        return new TextExtractor(properties.maxTextChars(), properties.ocrAllowed()) {
            @Override
            public Extracted extract(byte[] bytes, String mediaType) {
                watch("extract " + mediaType);
                return super.extract(bytes, mediaType);
            }
        };
    }
}
