package io.openhire.storage.documents.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeDownloadTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "text/html",
                "text/html; charset=UTF-8",
                "TEXT/HTML",
                "application/xhtml+xml",
                "image/svg+xml",
                "text/xml",
                "application/xml",
                "application/rss+xml",
                "text/javascript",
                "application/javascript",
                "application/x-javascript",
                "text/ecmascript",
                "text/css",
                "*/*",
                "text/*",
                "not a type",
                ""
            })
    void activeOrUnparseableTypesAreServedAsOctetStream(String stored) {
        assertThat(SafeDownload.contentType(stored).toString()).isEqualTo("application/octet-stream");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/pdf", "text/plain;charset=UTF-8", "image/png", "application/json"})
    void passiveTypesAreServedAsStored(String stored) {
        assertThat(SafeDownload.contentType(stored).toString()).isEqualTo(stored);
    }
}
