package io.openhire.jobingestion.normalisation;

import io.openhire.jobingestion.normalisation.JobTitles.Workplace;
import io.openhire.places.Places;
import java.util.ArrayList;
import java.util.List;

/**
 * A posting's location field → where the job is: "Albuquerque, NM", "New York, NY (Hybrid)",
 * "Remote - US", "Berlin, Germany; Munich, Germany", "Anywhere".
 */
public final class JobLocations {

    /**
     * One place of work; any part may be unknown.
     *
     * @param country ISO 3166 alpha-2
     * @param workplace remote, hybrid or on-site, when the text says
     */
    public record JobLocation(String city, String region, String country, Workplace workplace, String text) {}

    private JobLocations() {}

    public static List<JobLocation> read(String raw) {
        List<JobLocation> found = new ArrayList<>();
        if (raw == null || raw.isBlank() || raw.strip().equals("-1")) {
            return found;
        }
        for (String part : raw.split("\\s*(?:;|\\||/|\\bor\\b)\\s*")) {
            String text = part.strip();
            if (text.isEmpty()) {
                continue;
            }
            Workplace workplace = JobTitles.workplace(text);
            var place = Places.find(text);
            if (place.isPresent()) {
                found.add(new JobLocation(
                        place.get().city(), place.get().region(), place.get().country(), workplace, text));
                continue;
            }
            String country = countryIn(text);
            if (country != null || workplace != null) {
                found.add(new JobLocation(null, null, country, workplace, text));
            }
        }
        return List.copyOf(found);
    }

    /** "Remote - US", "Remote (Germany)", "United Kingdom": a country named on its own. */
    private static String countryIn(String text) {
        for (String piece : text.split("[^A-Za-z. ]+")) {
            if (piece.strip().equals("US")) {
                return "US"; // only in capitals: "us" is a word
            }
            String code = Places.country(piece.strip());
            if (code != null) {
                return code;
            }
        }
        return null;
    }
}
