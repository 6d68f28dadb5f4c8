package io.openhire.gateway.ratelimit;

import io.openhire.gateway.GatewayProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** In-memory buckets by default; Redis when {@code openhire.gateway.rate-limit.redis-url} is set. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimiter rateLimiter(GatewayProperties properties) {
        String redisUrl = properties.rateLimit().redisUrl();
        return redisUrl == null || redisUrl.isBlank()
                ? new InMemoryRateLimiter()
                : new RedisRateLimiter(redisUrl, "openhire:ratelimit:");
    }

    /** After Spring Security's filter chain (order -100), so the token has been checked. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimiter limiter, GatewayProperties properties) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limiter, properties.rateLimit()));
        registration.setOrder(0);
        return registration;
    }
}
