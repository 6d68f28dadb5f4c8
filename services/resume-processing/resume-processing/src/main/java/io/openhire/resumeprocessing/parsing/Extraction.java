package io.openhire.resumeprocessing.parsing;

import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.parsing.NameAndLocation.Name;
import io.openhire.resumeprocessing.parsing.NameAndLocation.Place;
import io.openhire.resumeprocessing.parsing.Periods.YearsOfExperience;
import java.util.List;
import java.util.Map;

/**
 * What the parts found in one resume, with how they found it where that decides the confidence (the
 * name's line, the location's source, where the years come from). Nullable where {@link CandidateProfile} is.
 */
record Extraction(
        Name name,
        List<String> emails,
        List<String> phones,
        Place location,
        CandidateProfile.Links links,
        String headline,
        String summary,
        List<CandidateProfile.Work> work,
        List<CandidateProfile.Education> education,
        List<CandidateProfile.SkillMention> skills,
        List<String> languages,
        List<String> certifications,
        YearsOfExperience years) {

    CandidateProfile toProfile(
            Map<String, Double> confidence,
            double resumeLikelihood,
            String parserVersion,
            String taxonomyVersion,
            CandidateProfile.Mentions mentioned) {
        return new CandidateProfile(
                name == null ? null : name.value(),
                emails,
                phones,
                location == null ? null : location.location(),
                links,
                headline,
                summary,
                work,
                education,
                skills,
                languages,
                certifications,
                years == null ? null : years.years(),
                confidence,
                resumeLikelihood,
                parserVersion,
                taxonomyVersion,
                mentioned);
    }
}
