package io.openhire.pii;

import static io.openhire.pii.PatternRecogniser.Rule;

import java.net.InetAddress;
import java.util.List;

/** The recognisers the detector runs by default, grouped by what they find. */
public final class Recognisers {

    private Recognisers() {}

    public static List<Recogniser> defaults() {
        return List.of(
                contact(),
                new PhoneRecogniser(),
                numbers(),
                dates(),
                personal(),
                addresses(),
                organisations(),
                new NationalityRecogniser(),
                new PlaceRecogniser(),
                new PersonRecogniser(),
                new LearnedNameRecogniser(NameTagger.shipped()));
    }

    /** Email addresses, web addresses, social profiles and handles, IP addresses. */
    static Recogniser contact() {
        return new PatternRecogniser(
                "contact",
                List.of(
                        Rule.of(
                                PiiType.EMAIL_ADDRESS,
                                "(?<![\\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,24}\\b",
                                0.95),
                        Rule.of(
                                PiiType.SOCIAL_HANDLE,
                                "(?i)\\b(?:https?://)?(?:[a-z]{2,3}\\.)?(?:linkedin\\.com/(?:in|pub)|github\\.com"
                                        + "|gitlab\\.com|twitter\\.com|x\\.com|instagram\\.com|facebook\\.com"
                                        + "|medium\\.com|behance\\.net|dribbble\\.com|stackoverflow\\.com/users"
                                        + "(?:/\\d+)?|t\\.me)/@?[A-Za-z0-9_.%-]+/?",
                                0.9),
                        Rule.of(PiiType.SOCIAL_HANDLE, "(?<![\\w@.])@[A-Za-z][A-Za-z0-9_]{1,29}\\b", 0.4)
                                .context(
                                        0.85,
                                        "twitter",
                                        "handle",
                                        "github",
                                        "instagram",
                                        "telegram",
                                        "x:",
                                        "tiktok",
                                        "mastodon",
                                        "social"),
                        Rule.of(PiiType.URL, "(?i)\\b(?:https?://|www\\.)[^\\s<>\"']*[^\\s<>\"'.,;:!?)\\]]", 0.85),
                        // Lower-case only: "ASP.NET" and "Node.JS" in a skills line are not web addresses.
                        Rule.of(
                                PiiType.URL,
                                "(?<![\\w@.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:com|org|net|io|dev|ai"
                                        + "|co|de|uk|fr|nl|in|eu|info|biz|me|app|tech|edu|gov|ch|at|es|it|se|us|ca)"
                                        + "\\b(?:/[^\\s<>\"']*[^\\s<>\"'.,;:!?)\\]])?",
                                0.6),
                        Rule.of(PiiType.IP_ADDRESS, "(?<![\\d.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\d.])", 0.7)
                                .context(0.95, "ip", "address", "host", "server", "login", "from")
                                .validatedBy(Checksums::ipv4),
                        // Any run of hex digits and colons; the JDK's literal parser decides what is an address.
                        Rule.of(PiiType.IP_ADDRESS, "(?i)(?<![\\w:])[0-9a-f:]{2,39}(?![\\w:])", 0.8)
                                .validatedBy(Recognisers::ipv6)));
    }

    /** Card numbers, IBANs and national ids: each confirmed by its check digit. */
    static Recogniser numbers() {
        return new PatternRecogniser(
                "checksum",
                List.of(
                        Rule.of(PiiType.CREDIT_CARD, "(?<![\\d-])[2-6]\\d{3}(?:[ -]?\\d){9,15}(?![\\d-])", 0.85)
                                .context(1.0, "card", "credit", "visa", "mastercard", "amex", "debit", "cc")
                                .validatedBy(Checksums::luhn),
                        Rule.of(
                                        PiiType.IBAN_CODE,
                                        "\\b[A-Z]{2}\\d{2}[ ]?(?:[A-Z0-9]{4}[ ]?){2,7}[A-Z0-9]{1,4}\\b",
                                        0.95)
                                .validatedBy(Checksums::iban),
                        Rule.of(PiiType.US_SSN, "(?<![\\d-])\\d{3}([- ])\\d{2}\\1\\d{4}(?![\\d-])", 0.6)
                                .context(0.95, "ssn", "social security", "social", "security number")
                                .validatedBy(Checksums::usSsn),
                        Rule.of(PiiType.US_SSN, "(?<![\\d-])\\d{9}(?![\\d-])", 0)
                                .context(0.8, "ssn", "social security")
                                .validatedBy(Checksums::usSsn),
                        Rule.of(PiiType.UK_NINO, "(?i)\\b[a-z]{2}[ ]?\\d{2}[ ]?\\d{2}[ ]?\\d{2}[ ]?[a-d]\\b", 0.65)
                                .context(0.95, "national insurance", "nino", "ni number", "ni no")
                                .validatedBy(Checksums::ukNino),
                        Rule.of(PiiType.UK_NHS, "(?<![\\d-])\\d{3}[ -]?\\d{3}[ -]?\\d{4}(?![\\d-])", 0)
                                .context(0.9, "nhs", "health service", "patient")
                                .validatedBy(Checksums::ukNhs),
                        Rule.of(PiiType.ES_NIF, "\\b[XYZ]?\\d{7,8}-?[A-Z]\\b", 0.7)
                                .context(0.95, "dni", "nif", "nie", "documento")
                                .validatedBy(Checksums::esNif),
                        Rule.of(PiiType.NL_BSN, "(?<![\\d.-])(?:\\d{9}|\\d{4}\\.\\d{2}\\.\\d{3})(?![\\d.-])", 0)
                                .context(0.9, "bsn", "burgerservicenummer", "sofinummer", "citizen service")
                                .validatedBy(Checksums::nlBsn)));
    }

    private static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October"
            + "|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?";
    private static final String DAY = "(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?";
    private static final String YEAR = "(?:19|20)\\d{2}";
    private static final String NUMERIC =
            "(?:" + DAY + "[./-](?:1[0-2]|0?[1-9])[./-](?:" + YEAR + "|\\d{2})" + "|(?:1[0-2]|0?[1-9])/" + DAY + "/(?:"
                    + YEAR + "|\\d{2})" + "|" + YEAR + "-(?:1[0-2]|0[1-9])-(?:[12]\\d|3[01]|0[1-9]))";
    private static final String WRITTEN =
            "(?:" + DAY + "(?:[ ]of)?[ ]" + MONTH + ",?[ ]" + YEAR + "|" + MONTH + "[ ]" + DAY + ",?[ ]" + YEAR + ")";
    private static final String ANY_DATE = "(?:" + WRITTEN + "|" + NUMERIC + ")";

    /** Dates and times; a date after "born", "date of birth" or "DOB" is a date of birth. */
    static Recogniser dates() {
        return new PatternRecogniser(
                "date",
                List.of(
                        Rule.of(
                                        PiiType.DATE_OF_BIRTH,
                                        "(?i:\\b(?:born(?:[ ]on|[ ]in)?|date[ ]of[ ]birth|d\\.?o\\.?b\\.?|birth[ ]?date"
                                                + "|birthday|geboren(?:[ ]am)?|né(?:e)?[ ]le)\\b)[ \\t]*[:\\-]?[ \\t]*("
                                                + ANY_DATE + "|" + YEAR + ")(?!\\d)",
                                        0.95)
                                .group(1),
                        Rule.of(
                                PiiType.DATE_TIME,
                                "\\b" + ANY_DATE
                                        + "(?:,?[ ](?:at[ ])?\\d{1,2}:\\d{2}(?:[ ]?(?:[ap]m|[ap]\\.m\\.))?)?(?!\\d)",
                                0.85),
                        Rule.of(PiiType.DATE_TIME, "\\b" + DAY + "(?:[ ]of)?[ ]" + MONTH + "(?![ ,]*\\d)", 0.6),
                        Rule.of(PiiType.DATE_TIME, "\\b" + MONTH + "[ ]" + DAY + "\\b(?!,?[ ]\\d)", 0.6),
                        Rule.of(PiiType.DATE_TIME, "\\b" + MONTH + ",?[ ]" + YEAR + "\\b", 0.6),
                        Rule.of(
                                PiiType.DATE_TIME,
                                "(?i)(?<![\\d:])(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?(?:[ ]?(?:[ap]m|[ap]\\.m\\.))?(?![\\d:])",
                                0.6),
                        Rule.of(PiiType.DATE_TIME, "(?i)\\b(?:1[0-2]|0?[1-9])[ ]?(?:[ap]m|[ap]\\.m\\.)(?!\\w)", 0.6)));
    }

    /** Age, form of address, marital status, gender and religion. */
    static Recogniser personal() {
        return new PatternRecogniser(
                "personal",
                List.of(
                        Rule.of(PiiType.AGE, "(?i)\\b(?:age[ds]?|aged)[ \\t]*[:\\-]?[ \\t]*(\\d{1,3})\\b", 0.85)
                                .group(1)
                                .validatedBy(Recognisers::plausibleAge),
                        Rule.of(PiiType.AGE, "(?i)\\b(\\d{1,3})[ -](?:years?|yrs?)[ -]old\\b", 0.85)
                                .group(1)
                                .validatedBy(Recognisers::plausibleAge),
                        Rule.of(
                                PiiType.TITLE,
                                "\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Herr|Frau)\\b\\.?(?=[ ]\\p{Lu})",
                                0.8),
                        Rule.of(
                                        PiiType.MARITAL_STATUS,
                                        "(?i)\\b(?:marital[ ]status|civil[ ]status|family[ ]status|familienstand)[ \\t]*"
                                                + "[:\\-]?[ \\t]*(single|married|divorced|widowed|separated|unmarried"
                                                + "|engaged|in[ ]a[ ]civil[ ]partnership|ledig|verheiratet|geschieden)\\b",
                                        0.95)
                                .group(1),
                        Rule.of(PiiType.MARITAL_STATUS, "(?i)\\b(?:married|divorced|widowed|unmarried)\\b", 0.5),
                        Rule.of(
                                        PiiType.GENDER,
                                        "(?i)\\b(?:gender|sex|geschlecht)[ \\t]*[:\\-][ \\t]*(male|female|m|f|man|woman"
                                                + "|non-binary|nonbinary|diverse|divers|other|männlich|weiblich)\\b",
                                        0.95)
                                .group(1),
                        Rule.of(
                                        PiiType.RELIGION,
                                        "(?i)\\b(?:religion|faith|konfession)[ \\t]*[:\\-][ \\t]*(\\p{L}+(?:[ ]\\p{L}+)?)",
                                        0.95)
                                .group(1),
                        Rule.of(
                                PiiType.RELIGION,
                                "\\b(?:Christian|Catholic|Roman Catholic|Protestant|Muslim|Islamic|Hindu|Buddhist|Jewish"
                                        + "|Sikh|Jain|Atheist|Agnostic|Baptist|Methodist|Mormon|Evangelical|Lutheran"
                                        + "|Anglican|Shia|Sunni|Orthodox Christian)\\b",
                                0.6)));
    }

    private static final String STREET_WORD = "\\p{Lu}[\\p{L}.'-]*";

    /** Street addresses: "221B Baker Street", "1600 Pennsylvania Ave NW", "Hauptstraße 12", "12 rue de la Paix". */
    static Recogniser addresses() {
        return new PatternRecogniser(
                "address",
                List.of(
                        Rule.of(
                                PiiType.STREET_ADDRESS,
                                "\\b\\d{1,5}[A-Za-z]?(?:[ ]" + STREET_WORD + "){1,4}[ ](?:Street|St|Avenue|Ave|Road|Rd"
                                        + "|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Parkway|Pkwy"
                                        + "|Square|Sq|Highway|Hwy|Circle|Cir|Crescent|Close|Row|Trail|Alley|Plaza"
                                        + "|Heights|Gardens|Mews|Walk|Hill|Park|Loop|Pike|Run|Point|Ridge|Path)\\b\\.?"
                                        + "(?:[ ](?:N|S|E|W|NE|NW|SE|SW)\\b)?"
                                        + "(?:,?[ ](?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|#)\\.?[ ]?[A-Za-z0-9-]+)?",
                                0.8),
                        Rule.of(
                                PiiType.STREET_ADDRESS,
                                "\\b\\p{Lu}[\\p{L}-]*(?:straße|strasse|str\\.|weg|gasse|platz|allee|ring|damm|ufer"
                                        + "|laan|straat|gracht|plein|kade|vej|gade|gatan|vägen|veien)[ ]\\d{1,4}[a-z]?\\b",
                                0.8),
                        Rule.of(
                                PiiType.STREET_ADDRESS,
                                "(?i)\\b\\d{1,4}(?:[ ]?(?:bis|ter))?,?[ ](?:rue|avenue|boulevard|bd|chemin|allée|impasse"
                                        + "|quai|via|viale|piazza|calle|avenida|rua|travessa)[ ](?:(?:de|du|des|la|le|l'"
                                        + "|del|della|di|dos|das|do|da)[ ]?)*\\p{L}[\\p{L}'-]*(?:[ ]\\p{Lu}[\\p{L}'-]*){0,3}",
                                0.75),
                        Rule.of(
                                PiiType.STREET_ADDRESS,
                                "\\b(?:Via|Viale|Piazza|Calle|Avenida|Rua|Carrer)[ ](?:(?:de|del|della|di|dos|da|do)[ ])?"
                                        + "\\p{Lu}[\\p{L}'-]*(?:[ ]\\p{Lu}[\\p{L}'-]*){0,2},?[ ]\\d{1,4}\\b",
                                0.75)));
    }

    /** Organisations named with their legal form or kind: "Acme GmbH", "University of Leeds". */
    static Recogniser organisations() {
        String word = "\\p{Lu}[\\p{L}&.'-]*";
        String plainWord = "\\p{Lu}[\\p{L}&'-]*"; // no dots: a sentence's full stop ends the name
        return new PatternRecogniser(
                "organisation",
                List.of(
                        Rule.of(
                                        PiiType.ORGANIZATION,
                                        "\\b(?:" + word + "[ ]){1,4}(?:Inc|Incorporated|Ltd|Limited|LLC|LLP|GmbH|AG|KG"
                                                + "|SE|Corp|Corporation|Company|Co|plc|PLC|S\\.A|SA|SAS|BV|B\\.V|NV|Pty"
                                                + "|Group|Holdings|Technologies|Technology|Solutions|Systems|Software|Bank"
                                                + "|Partners|Associates|Consulting|Labs|Laboratories|Industries"
                                                + "|Enterprises|Ventures|Capital|Networks|Pharmaceuticals|Foundation"
                                                + "|Hospital|University|College|Institute|Agency|Council|Ministry)\\b\\.?",
                                        0.6)
                                .context(0.8, "at", "for", "with", "joined", "employer", "company", "worked", "client"),
                        Rule.of(
                                        PiiType.ORGANIZATION,
                                        "\\b(?:University|Institute|College|School|Bank|Ministry|Department|Academy)[ ]of[ ]"
                                                + "(?:the[ ])?" + word + "(?:[ ](?:and[ ]|&[ ])?" + word + "){0,4}",
                                        0.65)
                                .context(0.8, "at", "from", "studied", "graduated", "attended", "employer", "worked"),
                        // By what precedes it in recruiting language: "currently at X", "previous employer X".
                        Rule.of(
                                        PiiType.ORGANIZATION,
                                        "(?i:\\b(?:currently[ ]at|working[ ]at|worked[ ]at|works[ ]at|role[ ]at|position[ ]at"
                                                + "|job[ ]at|employed[ ]at|employed[ ]by|joined|employer:?|company:?|client:?"
                                                + "|offer[ ]from|case[ ]study[ ]for|request[ ]of|years[ ]at|internship[ ]at))[ ]"
                                                // "Rice, Bailey and Conroy", "Acme Data Systems"
                                                + "(" + plainWord + "(?:,[ ]" + plainWord
                                                + "){1,3}[ ](?:and|et|und|en|y|&)[ ]"
                                                + plainWord + "|" + plainWord + "(?:[ ](?:(?:and|et|und|en|y|&)[ ])?"
                                                + plainWord + "){0,4})",
                                        0.7)
                                .group(1)));
    }

    private static boolean plausibleAge(String value) {
        int age = Integer.parseInt(value);
        return age >= 14 && age <= 110;
    }

    private static boolean ipv6(String value) {
        if (value.chars().filter(c -> c == ':').count() < 2) {
            return false;
        }
        try {
            return InetAddress.ofLiteral(value) instanceof java.net.Inet6Address;
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }
}
