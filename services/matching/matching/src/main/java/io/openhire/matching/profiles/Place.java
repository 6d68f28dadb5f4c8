package io.openhire.matching.profiles;

/** City, region and country (ISO 3166 alpha-2 when known); any part may be null. */
public record Place(String city, String region, String country) {

    public boolean known() {
        return city != null || region != null || country != null;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {city, region, country}) {
            if (part != null && !part.isBlank()) {
                text.append(text.isEmpty() ? "" : ", ").append(part);
            }
        }
        return text.toString();
    }
}
