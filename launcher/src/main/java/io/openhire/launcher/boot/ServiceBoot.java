package io.openhire.launcher.boot;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * What each service's {@code -app} main class is, minus the service: auto-configuration and nothing
 * scanned. The launcher combines it with one service's configuration class per application context.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ServiceBoot {}
