package io.openhire.resumeprocessing.parsing;

import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.parsing.NameAndLocation.Name;
import io.openhire.resumeprocessing.parsing.NameAndLocation.Place;
import io.openhire.resumeprocessing.parsing.Sections.Kind;
import io.openhire.resumeprocessing.parsing.Sections.Section;
import io.openhire.skills.SkillsTaxonomy;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

/**
 * Turns a resume's text into a {@link CandidateProfile}. Rule-based and explainable: sections by their headings
 * ({@link Sections}); contacts by pattern, phones through libphonenumber as E.164 ({@link Contacts}); name,
 * headline and location from the header ({@link NameAndLocation}); work history anchored on date periods
 * with the title and employer found around them ({@link WorkHistory}, {@link Periods}); education anchored
 * on degree names ({@link EducationHistory}); skills from the taxonomy, languages and certifications
 * ({@link SkillsAndLanguages}); how sure it is ({@link Confidence}). The word lists are resources under
 * {@code openhire/resume-processing/} ({@link WordLists}). No state; safe to share between threads.
 *
 * <p>Bump {@link #VERSION} whenever a change alters what it extracts: profiles carry the version, and
 * a bulk re-parse picks up the ones built by an older parser.
 */
public final class ResumeParser {

    public static final String VERSION = "1.0.0";

    private final SkillsTaxonomy taxonomy;
    private final SkillsAndLanguages skills;
    private final String defaultRegion;
    private final Clock clock;

    /**
     * @param defaultRegion ISO country for phone numbers without a country code, when the resume's own
     *     location does not say
     * @param clock "present" in a date range, and the latest plausible dates
     */
    public ResumeParser(SkillsTaxonomy taxonomy, String defaultRegion, Clock clock) {
        this.taxonomy = taxonomy;
        this.skills = new SkillsAndLanguages(taxonomy);
        this.defaultRegion = defaultRegion;
        this.clock = clock;
    }

    public CandidateProfile parse(String text) {
        List<String> lines = Lines.split(text);
        List<Section> sections = Sections.split(lines);
        int headerEnd = sections.isEmpty() || sections.getFirst().kind() != Kind.HEADER
                ? 0
                : sections.getFirst().to();
        YearMonth now = YearMonth.now(clock);

        Name name = NameAndLocation.name(lines, Math.min(Math.max(headerEnd, 1), 8));
        String headline = NameAndLocation.headline(lines, name, Math.min(Math.max(headerEnd, 2), 10));
        Place place = NameAndLocation.location(lines, headerEnd);
        // Phone numbers without a country code are read in the country the resume itself names.
        String region = place == null || place.location().country() == null
                ? defaultRegion
                : place.location().country();
        List<CandidateProfile.Work> work = WorkHistory.of(lines, sections, now);
        if (place == null) {
            place = NameAndLocation.fromWorkHistory(work);
        }
        Extraction found = new Extraction(
                name,
                Contacts.emails(text),
                Contacts.phones(text, region),
                place,
                Contacts.links(text),
                headline,
                Summary.of(lines, sections, headerEnd),
                work,
                EducationHistory.of(lines, sections, now.getYear()),
                skills.skills(lines, sections),
                SkillsAndLanguages.languages(lines, sections),
                SkillsAndLanguages.certifications(lines, sections),
                Periods.yearsOfExperience(work, text));
        return found.toProfile(
                Confidence.of(found), Confidence.resumeLikelihood(text, sections, found), VERSION, taxonomy.version());
    }
}
