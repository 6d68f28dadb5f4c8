package io.openhire.gateway;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The API gateway: the one public entry point. Routes {@code /api/v1/**} to the owning service, checks
 * access tokens at the edge, limits request rates and body sizes, and serves one Swagger UI for all APIs.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = GatewayConfiguration.class)
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayConfiguration {}
