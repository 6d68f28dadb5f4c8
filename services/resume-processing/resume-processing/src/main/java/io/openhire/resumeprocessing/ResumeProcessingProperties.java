package io.openhire.resumeprocessing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxTextChars text kept from one document (longer ones are cut: no resume is that long)
 * @param defaultPhoneRegion ISO country for phone numbers written without a country code, when the
 *     resume's own location does not say
 * @param ocr {@code auto}: scanned PDFs go through Tesseract when {@code tesseract} is on the PATH;
 *     {@code off}: never (scans are flagged NEEDS_OCR)
 */
@ConfigurationProperties("openhire.resume-processing")
public record ResumeProcessingProperties(int maxTextChars, String defaultPhoneRegion, String ocr) {

    public boolean ocrAllowed() {
        return !"off".equalsIgnoreCase(ocr);
    }
}
