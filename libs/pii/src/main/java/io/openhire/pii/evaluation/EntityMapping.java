package io.openhire.pii.evaluation;

import io.openhire.pii.PiiType;
import java.util.Locale;
import java.util.Map;

/**
 * One vocabulary for gold and predicted entity names, as presidio-research's evaluator maps its data sets'
 * names onto Presidio's: first and last names are PERSON; cities, countries, GPE and street addresses are
 * LOCATION; a birthday is a DATE_TIME; a domain is a URL. Types with no counterpart on the other side are
 * left out (scored as O) so neither side is punished for a category the other does not have.
 */
public final class EntityMapping {

    private static final Map<String, String> GOLD = Map.ofEntries(
            Map.entry("PERSON", "PERSON"),
            Map.entry("PER", "PERSON"),
            Map.entry("NAME", "PERSON"),
            Map.entry("FIRST_NAME", "PERSON"),
            Map.entry("LAST_NAME", "PERSON"),
            Map.entry("NAME_MALE", "PERSON"),
            Map.entry("NAME_FEMALE", "PERSON"),
            Map.entry("EMAIL_ADDRESS", "EMAIL_ADDRESS"),
            Map.entry("EMAIL", "EMAIL_ADDRESS"),
            Map.entry("PHONE_NUMBER", "PHONE_NUMBER"),
            Map.entry("PHONE", "PHONE_NUMBER"),
            Map.entry("LOCATION", "LOCATION"),
            Map.entry("LOC", "LOCATION"),
            Map.entry("GPE", "LOCATION"),
            Map.entry("CITY", "LOCATION"),
            Map.entry("COUNTRY", "LOCATION"),
            Map.entry("STATE", "LOCATION"),
            Map.entry("FAC", "LOCATION"),
            Map.entry("ADDRESS", "LOCATION"),
            Map.entry("STREET_ADDRESS", "LOCATION"),
            Map.entry("ORGANIZATION", "ORGANIZATION"),
            Map.entry("ORG", "ORGANIZATION"),
            Map.entry("COMPANY", "ORGANIZATION"),
            Map.entry("DATE_TIME", "DATE_TIME"),
            Map.entry("DATE", "DATE_TIME"),
            Map.entry("TIME", "DATE_TIME"),
            Map.entry("BIRTHDAY", "DATE_TIME"),
            Map.entry("DATE_OF_BIRTH", "DATE_TIME"),
            Map.entry("DOB", "DATE_TIME"),
            Map.entry("AGE", "AGE"),
            Map.entry("NRP", "NRP"),
            Map.entry("NORP", "NRP"),
            Map.entry("NATIONALITY", "NRP"),
            Map.entry("TITLE", "TITLE"),
            Map.entry("PREFIX", "TITLE"),
            Map.entry("IBAN_CODE", "IBAN_CODE"),
            Map.entry("IBAN", "IBAN_CODE"),
            Map.entry("CREDIT_CARD", "CREDIT_CARD"),
            Map.entry("US_SSN", "US_SSN"),
            Map.entry("SSN", "US_SSN"),
            Map.entry("UK_NINO", "UK_NINO"),
            Map.entry("UK_NHS", "UK_NHS"),
            Map.entry("ES_NIF", "ES_NIF"),
            Map.entry("NL_BSN", "NL_BSN"),
            Map.entry("IP_ADDRESS", "IP_ADDRESS"),
            Map.entry("URL", "URL"),
            Map.entry("DOMAIN", "URL"),
            Map.entry("DOMAIN_NAME", "URL"));

    private EntityMapping() {}

    /** The gold type's name in the shared vocabulary; null when the detector has no such type. */
    public static String gold(String type) {
        return type == null ? null : GOLD.get(type.strip().toUpperCase(Locale.ROOT));
    }

    /** The detector's type in the shared vocabulary; null for types Presidio's sets do not label. */
    public static String predicted(PiiType type) {
        return switch (type) {
            case STREET_ADDRESS, LOCATION -> "LOCATION";
            case DATE_OF_BIRTH, DATE_TIME -> "DATE_TIME";
            case RELIGION, NRP -> "NRP";
            case SOCIAL_HANDLE, URL -> "URL";
            case MARITAL_STATUS, GENDER -> null;
            default -> type.name();
        };
    }
}
