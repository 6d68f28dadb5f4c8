package io.openhire.gateway;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param routes route id -> which service owns which paths
 * @param maxBodySize the largest request body forwarded, unless a route says otherwise
 * @param rateLimit request budgets per client
 * @param cors browser origins allowed to call the API from another site
 * @param fallbackService where a path no route owns goes, unless it is the API's ({@code /api/…}) or the
 *     gateway's own: the dashboard, so that a mistyped address shows its page, not the edge's 401 or 404
 */
@ConfigurationProperties("openhire.gateway")
public record GatewayProperties(
        Map<String, Route> routes, DataSize maxBodySize, RateLimit rateLimit, Cors cors, String fallbackService) {

    public GatewayProperties {
        routes = routes == null ? Map.of() : Map.copyOf(routes);
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        rateLimit = rateLimit == null ? new RateLimit(1200, 600, 30, 5, null) : rateLimit;
        cors = cors == null ? new Cors(List.of()) : cors;
    }

    /**
     * @param service the service name; its URL is {@code openhire.clients.services.<service>.url}
     * @param paths path patterns this service owns
     * @param maxBodySize overrides the gateway-wide body limit (uploads need more)
     * @param order routes are tried by ascending order (default 0): a route owning a few paths inside
     *     another route's {@code /**} goes first
     */
    public record Route(String service, List<String> paths, DataSize maxBodySize, Integer order) {

        public int precedence() {
            return order == null ? 0 : order;
        }
    }

    /**
     * Token buckets refilled continuously: each budget is the number of requests allowed per minute.
     *
     * @param perIpPerMinute every request, by client address
     * @param perUserPerMinute authenticated requests, by token subject (user or API key)
     * @param authPerIpPerMinute sign-up, login, refresh and token exchange, by client address: bounds
     *     password guessing across accounts
     * @param applyPerIpPerMinute applications through a career site (no account), by client address: bounds
     *     flooding an organisation's pipeline
     * @param redisUrl when set ({@code redis://host:6379}), budgets are shared by all gateway instances
     */
    public record RateLimit(
            int perIpPerMinute,
            int perUserPerMinute,
            int authPerIpPerMinute,
            int applyPerIpPerMinute,
            String redisUrl) {

        public RateLimit {
            applyPerIpPerMinute = applyPerIpPerMinute <= 0 ? 5 : applyPerIpPerMinute;
        }
    }

    public record Cors(List<String> allowedOrigins) {}
}
