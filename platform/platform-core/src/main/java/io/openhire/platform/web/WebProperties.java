package io.openhire.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestSize the largest request body a service accepts (413 above it); services that take
 *     uploads raise it in their own defaults.
 */
@ConfigurationProperties("openhire.web")
public record WebProperties(DataSize maxRequestSize) {

    public WebProperties {
        if (maxRequestSize == null) {
            maxRequestSize = DataSize.ofMegabytes(1);
        }
    }
}
