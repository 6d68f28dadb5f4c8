package io.openhire.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * notification's settings ({@code openhire.notification.*}).
 *
 * @param retention how long notifications are kept
 */
@ConfigurationProperties("openhire.notification")
public record NotificationProperties(@DefaultValue("P90D") Duration retention) {}
