package io.openhire.places;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A small gazetteer: countries, and the first-level regions of the countries most resumes here come
 * from (US states, Indian states, Canadian provinces, Australian states, UK nations), so that
 * "Pune, Maharashtra" or "Austin, TX" is read as city + region + country.
 */
public final class Places {

    /** A first-level region (state, province) and its country (ISO 3166 alpha-2). */
    public record Region(String name, String country) {}

    /**
     * A place read from text.
     *
     * @param city as written
     * @param region the region's full name, if one was named
     * @param country ISO 3166 alpha-2, when known
     * @param text the words it was read from
     */
    public record Place(String city, String region, String country, String text) {}

    static final Map<String, String> COUNTRIES = new HashMap<>();
    static final Map<String, Region> REGIONS = new HashMap<>();

    private static void countries(String... nameThenCode) {
        for (int i = 0; i < nameThenCode.length; i += 2) {
            COUNTRIES.put(nameThenCode[i].toLowerCase(Locale.ROOT), nameThenCode[i + 1]);
        }
    }

    private static void regions(String country, String... names) {
        for (String name : names) {
            String[] parts = name.split("=");
            Region region = new Region(parts[0], country);
            REGIONS.put(parts[0].toLowerCase(Locale.ROOT), region);
            if (parts.length > 1) {
                REGIONS.put(parts[1].toLowerCase(Locale.ROOT), region);
            }
        }
    }

    static {
        countries(
                "United States",
                "US",
                "USA",
                "US",
                "U.S.A.",
                "US",
                "U.S.",
                "US",
                "United States of America",
                "US",
                "India",
                "IN",
                "United Kingdom",
                "GB",
                "UK",
                "GB",
                "England",
                "GB",
                "Scotland",
                "GB",
                "Wales",
                "GB",
                "Ireland",
                "IE",
                "Canada",
                "CA",
                "Australia",
                "AU",
                "New Zealand",
                "NZ",
                "Germany",
                "DE",
                "Deutschland",
                "DE",
                "France",
                "FR",
                "Spain",
                "ES",
                "Portugal",
                "PT",
                "Italy",
                "IT",
                "Netherlands",
                "NL",
                "Belgium",
                "BE",
                "Switzerland",
                "CH",
                "Austria",
                "AT",
                "Sweden",
                "SE",
                "Norway",
                "NO",
                "Denmark",
                "DK",
                "Finland",
                "FI",
                "Poland",
                "PL",
                "Czech Republic",
                "CZ",
                "Czechia",
                "CZ",
                "Hungary",
                "HU",
                "Romania",
                "RO",
                "Bulgaria",
                "BG",
                "Greece",
                "GR",
                "Turkey",
                "TR",
                "Ukraine",
                "UA",
                "Russia",
                "RU",
                "Israel",
                "IL",
                "United Arab Emirates",
                "AE",
                "UAE",
                "AE",
                "Saudi Arabia",
                "SA",
                "Qatar",
                "QA",
                "Kuwait",
                "KW",
                "Oman",
                "OM",
                "Bahrain",
                "BH",
                "Egypt",
                "EG",
                "Nigeria",
                "NG",
                "Kenya",
                "KE",
                "South Africa",
                "ZA",
                "Ghana",
                "GH",
                "Morocco",
                "MA",
                "Pakistan",
                "PK",
                "Bangladesh",
                "BD",
                "Sri Lanka",
                "LK",
                "Nepal",
                "NP",
                "China",
                "CN",
                "Hong Kong",
                "HK",
                "Taiwan",
                "TW",
                "Japan",
                "JP",
                "South Korea",
                "KR",
                "Korea",
                "KR",
                "Singapore",
                "SG",
                "Malaysia",
                "MY",
                "Indonesia",
                "ID",
                "Philippines",
                "PH",
                "Thailand",
                "TH",
                "Vietnam",
                "VN",
                "Mexico",
                "MX",
                "Brazil",
                "BR",
                "Argentina",
                "AR",
                "Chile",
                "CL",
                "Colombia",
                "CO",
                "Peru",
                "PE");
        regions(
                "US",
                "Alabama=AL",
                "Alaska=AK",
                "Arizona=AZ",
                "Arkansas=AR",
                "California=CA",
                "Colorado=CO",
                "Connecticut=CT",
                "Delaware=DE",
                "Florida=FL",
                "Georgia=GA",
                "Hawaii=HI",
                "Idaho=ID",
                "Illinois=IL",
                "Indiana=IN",
                "Iowa=IA",
                "Kansas=KS",
                "Kentucky=KY",
                "Louisiana=LA",
                "Maine=ME",
                "Maryland=MD",
                "Massachusetts=MA",
                "Michigan=MI",
                "Minnesota=MN",
                "Mississippi=MS",
                "Missouri=MO",
                "Montana=MT",
                "Nebraska=NE",
                "Nevada=NV",
                "New Hampshire=NH",
                "New Jersey=NJ",
                "New Mexico=NM",
                "New York=NY",
                "North Carolina=NC",
                "North Dakota=ND",
                "Ohio=OH",
                "Oklahoma=OK",
                "Oregon=OR",
                "Pennsylvania=PA",
                "Rhode Island=RI",
                "South Carolina=SC",
                "South Dakota=SD",
                "Tennessee=TN",
                "Texas=TX",
                "Utah=UT",
                "Vermont=VT",
                "Virginia=VA",
                "Washington=WA",
                "West Virginia=WV",
                "Wisconsin=WI",
                "Wyoming=WY",
                "District of Columbia=DC");
        regions(
                "IN",
                "Andhra Pradesh",
                "Arunachal Pradesh",
                "Assam",
                "Bihar",
                "Chhattisgarh",
                "Goa",
                "Gujarat",
                "Haryana",
                "Himachal Pradesh",
                "Jharkhand",
                "Karnataka",
                "Kerala",
                "Madhya Pradesh",
                "Maharashtra",
                "Manipur",
                "Meghalaya",
                "Mizoram",
                "Nagaland",
                "Odisha",
                "Orissa",
                "Punjab",
                "Rajasthan",
                "Sikkim",
                "Tamil Nadu",
                "Telangana",
                "Tripura",
                "Uttar Pradesh",
                "Uttarakhand",
                "West Bengal",
                "Delhi",
                "New Delhi",
                "Jammu and Kashmir",
                "Chandigarh",
                "Puducherry");
        regions(
                "CA",
                "Ontario=ON",
                "Quebec=QC",
                "British Columbia=BC",
                "Alberta=AB",
                "Manitoba=MB",
                "Saskatchewan=SK",
                "Nova Scotia=NS",
                "New Brunswick=NB",
                "Newfoundland and Labrador=NL",
                "Prince Edward Island=PE");
        regions(
                "AU",
                "New South Wales=NSW",
                "Victoria=VIC",
                "Queensland=QLD",
                "Western Australia=WA",
                "South Australia=SA",
                "Tasmania=TAS",
                "Australian Capital Territory=ACT");
        regions("GB", "England", "Scotland", "Wales", "Northern Ireland", "Greater London", "London");
    }

    /** The country code of a country name, or null. */
    public static String country(String name) {
        return COUNTRIES.get(name.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * A region by name or (for US states, Canadian provinces, Australian states) by code. Two-letter codes
     * only match in upper case ("IN" is Indiana, "in" is a word).
     */
    public static Region region(String name) {
        String trimmed = name.strip();
        if (trimmed.length() <= 3 && !trimmed.equals(trimmed.toUpperCase(Locale.ROOT))) {
            return null;
        }
        return REGIONS.get(trimmed.toLowerCase(Locale.ROOT));
    }

    private static final java.util.regex.Pattern CITY_REGION = java.util.regex.Pattern.compile(
            "\\b([A-Z][A-Za-z.'’]+(?:[ -][A-Z][A-Za-z.'’]+){0,2}),\\s*([A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,3}|[A-Z]{2,3})\\b(?:,\\s*([A-Z][A-Za-z .]{1,30}))?");

    /**
     * The first "City, Region" or "City, Country" in a text whose region or country is known: "Pune,
     * Maharashtra", "Austin, TX", "Berlin, Germany", "London, England, United Kingdom".
     */
    public static java.util.Optional<Place> find(String text) {
        java.util.regex.Matcher m = CITY_REGION.matcher(text);
        int from = 0;
        // "Senior Engineer, Pune, Maharashtra": when "Senior Engineer, Pune" is no place, try "Pune, …".
        while (from < text.length() && m.find(from)) {
            from = m.start(2);
            String city = m.group(1).strip();
            String second = m.group(2).strip();
            String third = m.group(3) == null ? null : m.group(3).strip();
            Region region = region(second);
            String country = country(second);
            if (region != null) {
                String countryCode = third != null && country(third) != null ? country(third) : region.country();
                return java.util.Optional.of(
                        new Place(city, region.name(), countryCode, m.group().strip()));
            }
            if (country != null && region(city) == null) {
                return java.util.Optional.of(
                        new Place(city, null, country, m.group().strip()));
            }
        }
        return java.util.Optional.empty();
    }

    private Places() {}
}
