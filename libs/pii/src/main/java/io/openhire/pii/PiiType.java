package io.openhire.pii;

/**
 * The kinds of personal data the detector finds. The names are Presidio's where Presidio has one (so its
 * evaluation sets and tools read our output); the resume-specific ones are ours.
 */
public enum PiiType {
    PERSON,
    EMAIL_ADDRESS,
    PHONE_NUMBER,
    STREET_ADDRESS,
    LOCATION,
    ORGANIZATION,
    DATE_TIME,
    DATE_OF_BIRTH,
    AGE,
    /** Nationality, religious or political group. */
    NRP,
    /** A form of address: Mr, Mrs, Dr, Prof. */
    TITLE,
    IBAN_CODE,
    CREDIT_CARD,
    US_SSN,
    UK_NINO,
    UK_NHS,
    ES_NIF,
    NL_BSN,
    IP_ADDRESS,
    URL,
    MARITAL_STATUS,
    GENDER,
    RELIGION,
    SOCIAL_HANDLE;

    /** The type for a name given by a caller, any case; null when there is none. */
    public static PiiType parse(String name) {
        if (name == null) {
            return null;
        }
        try {
            return valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
