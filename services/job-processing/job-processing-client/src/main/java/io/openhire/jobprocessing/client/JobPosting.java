package io.openhire.jobprocessing.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * A job as schema.org JobPosting JSON-LD, the way Google for Jobs reads it
 * (developers.google.com/search/docs/appearance/structured-data/job-posting). job-processing writes its
 * reviews' JSON-LD with this record, so readers and the writer share one definition. A property the job
 * has no value for is left out; the ones marked {@code ALWAYS} are written even when null, as Google wants
 * them named.
 *
 * @param datePosted an ISO 8601 date ({@code 2026-11-22})
 * @param validThrough an ISO 8601 instant
 * @param employmentType one of Google's values ({@code FULL_TIME}, {@code CONTRACTOR}…)
 * @param jobLocationType {@code TELECOMMUTE} for a remote job
 * @param applicantLocationRequirements where applicants of a remote job may live
 * @param url where to apply
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobPosting(
        @JsonProperty("@context") @JsonInclude(JsonInclude.Include.ALWAYS)
        String context,

        @JsonProperty("@type") @JsonInclude(JsonInclude.Include.ALWAYS)
        String type,

        @JsonInclude(JsonInclude.Include.ALWAYS) String title,
        @JsonInclude(JsonInclude.Include.ALWAYS) String description,
        String datePosted,
        String validThrough,
        String employmentType,
        Organization hiringOrganization,
        PropertyValue identifier,
        String jobLocationType,
        List<Country> applicantLocationRequirements,
        List<Place> jobLocation,
        MonetaryAmount baseSalary,
        String url) {

    public static final String CONTEXT = "https://schema.org/";
    public static final String TYPE = "JobPosting";

    /** The employer. */
    public record Organization(@JsonProperty("@type") String type, String name) {
        public Organization(String name) {
            this("Organization", name);
        }
    }

    /** The job's id, named after the employer that gives it. */
    public record PropertyValue(@JsonProperty("@type") String type, String name, String value) {
        public PropertyValue(String name, String value) {
            this("PropertyValue", name, value);
        }
    }

    /** A country applicants may live in (ISO 3166 alpha-2). */
    public record Country(@JsonProperty("@type") String type, String name) {
        public Country(String name) {
            this("Country", name);
        }
    }

    /** Where the job is. */
    public record Place(@JsonProperty("@type") String type, PostalAddress address) {
        public Place(PostalAddress address) {
            this("Place", address);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PostalAddress(
            @JsonProperty("@type") @JsonInclude(JsonInclude.Include.ALWAYS)
            String type,

            String addressLocality,
            String addressRegion,
            String addressCountry) {
        public PostalAddress(String addressLocality, String addressRegion, String addressCountry) {
            this("PostalAddress", addressLocality, addressRegion, addressCountry);
        }
    }

    /** The pay: {@code value} gives the range and what it is per ({@code unitText}: HOUR … YEAR). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MonetaryAmount(@JsonProperty("@type") String type, String currency, QuantitativeValue value) {
        public MonetaryAmount(String currency, QuantitativeValue value) {
            this("MonetaryAmount", currency, value);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuantitativeValue(
            @JsonProperty("@type") @JsonInclude(JsonInclude.Include.ALWAYS)
            String type,

            BigDecimal minValue,
            BigDecimal maxValue,
            @JsonInclude(JsonInclude.Include.ALWAYS) String unitText) {
        public QuantitativeValue(BigDecimal minValue, BigDecimal maxValue, String unitText) {
            this("QuantitativeValue", minValue, maxValue, unitText);
        }
    }
}
