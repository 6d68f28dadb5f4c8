package io.openhire.resumeprocessing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxTextChars text kept from one document (longer ones are cut: no resume is that long)
 * @param defaultPhoneRegion ISO country for phone numbers written without a country code, when the
 *     resume's own location does not say
 */
@ConfigurationProperties("openhire.resume-processing")
public record ResumeProcessingProperties(int maxTextChars, String defaultPhoneRegion) {}
