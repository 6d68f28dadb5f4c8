package io.openhire.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param live how long one live-update (SSE) connection lasts before the browser reconnects, and how often
 *     an idle one gets a heartbeat (proxies close silent connections)
 */
@ConfigurationProperties("openhire.dashboard")
public record DashboardProperties(Live live) {

    public record Live(Duration timeout, Duration heartbeat) {
        public Live {
            timeout = timeout == null ? Duration.ofMinutes(5) : timeout;
            heartbeat = heartbeat == null ? Duration.ofSeconds(20) : heartbeat;
        }
    }

    public DashboardProperties {
        live = live == null ? new Live(null, null) : live;
    }
}
