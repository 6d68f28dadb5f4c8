package io.openhire.matching.ranking;

import static io.openhire.matching.events.ScoreCategory.LOCATION;
import static io.openhire.matching.events.ScoreCategory.REQUIRED_SKILLS;
import static io.openhire.matching.events.ScoreCategory.SEMANTIC;
import static io.openhire.matching.ranking.MatchTestData.BERLIN;
import static io.openhire.matching.ranking.MatchTestData.LONDON;
import static io.openhire.matching.ranking.MatchTestData.aCandidate;
import static io.openhire.matching.ranking.MatchTestData.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.openhire.matching.client.MatchList;
import io.openhire.matching.events.ScoreCategory;
import io.openhire.matching.index.IndexFields;
import io.openhire.matching.index.OrgIndex;
import io.openhire.matching.ranking.MatchTestData.CandidateBuilder;
import io.openhire.matching.ranking.MatchTestData.JobBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The ranked lists a recruiter sees, over a real (temporary) index of one organisation. */
class RankingTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final RankerModel MODEL = RankerModel.builtIn();

    final Ranking ranking = new Ranking(JSON);

    @TempDir
    Path dir;

    OrgIndex index;

    @BeforeEach
    void open() {
        index = new OrgIndex(dir);
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    static JobBuilder backendJob() {
        return aJob().titled("Senior Backend Engineer")
                .seniority("SENIOR")
                .askingYears(5)
                .requiring("Java", "Apache Kafka", "PostgreSQL")
                .in(BERLIN);
    }

    static CandidateBuilder priya() {
        return aCandidate()
                .titled("Senior Backend Engineer")
                .years(8)
                .livingIn(BERLIN)
                .skilled("Java", "Apache Kafka", "PostgreSQL")
                .saying("Designed event-driven order flows with Apache Kafka and PostgreSQL.", "Built Java APIs.");
    }

    static CandidateBuilder tom() {
        return aCandidate()
                .titled("Junior Frontend Developer")
                .years(1)
                .livingIn(LONDON)
                .skilled("Java", "React")
                .saying("Built React components for a design system.");
    }

    @Test
    void theCandidateWhoFitsBestComesFirstAndEachLineSaysWhy() {
        CandidateBuilder priya = priya();
        CandidateBuilder tom = tom();
        indexCandidates(tom, priya);

        List<Ranking.Ranked> list = candidatesFor(backendJob(), MODEL.weights(), 20);

        assertThat(resumes(list)).containsExactly(priya.resumeId(), tom.resumeId());
        Explanation best = list.getFirst().explanation();
        assertThat(best.breakdown().get(REQUIRED_SKILLS).detail()).isEqualTo("3 of 3 required skills");
        assertThat(best.evidence())
                .extracting(MatchList.Evidence::skill, MatchList.Evidence::line)
                .contains(
                        tuple("Apache Kafka", "Designed event-driven order flows with Apache Kafka and PostgreSQL."),
                        tuple("Java", "Built Java APIs."));
        Explanation second = list.get(1).explanation();
        assertThat(second.missingRequiredSkills()).containsExactly("Apache Kafka", "PostgreSQL");
        assertThat(second.breakdown().get(REQUIRED_SKILLS).detail()).isEqualTo("1 of 3 required skills");
        assertThat(list.getFirst().score()).isGreaterThan(list.get(1).score());
        assertThat(list.getFirst().score()).isEqualTo(best.total());
    }

    @Test
    void aCandidateWithSeveralResumesIsOneLineRestingOnTheBestResume() {
        CandidateBuilder priyaNow = priya();
        CandidateBuilder priyaBefore = aCandidate()
                .sameCandidateAs(priyaNow)
                .titled("Software Engineer")
                .years(4)
                .livingIn(LONDON)
                .skilled("Java")
                .saying("Built Java APIs.");
        CandidateBuilder tom = tom();
        indexCandidates(priyaBefore, tom, priyaNow);

        List<Ranking.Ranked> list = candidatesFor(backendJob(), MODEL.weights(), 20);

        assertThat(list)
                .extracting(Ranking.Ranked::candidateId)
                .containsExactly(priyaNow.candidateId(), tom.candidateId());
        assertThat(list.getFirst().id()).isEqualTo(priyaNow.resumeId());
    }

    @Test
    void theJobsOwnWeightsDecideTheOrder() {
        CandidateBuilder allSkillsInLondon = priya().livingIn(LONDON);
        CandidateBuilder oneSkillInBerlin = tom().livingIn(BERLIN);
        indexCandidates(allSkillsInLondon, oneSkillInBerlin);
        Map<ScoreCategory, Double> onlyLocation = new EnumMap<>(ScoreCategory.class);
        for (ScoreCategory category : ScoreCategory.values()) {
            onlyLocation.put(category, category == LOCATION ? 1.0 : 0.0);
        }

        assertThat(resumes(candidatesFor(backendJob(), MODEL.weights(), 20)))
                .containsExactly(allSkillsInLondon.resumeId(), oneSkillInBerlin.resumeId());
        List<Ranking.Ranked> byLocation = candidatesFor(backendJob(), onlyLocation, 20);
        assertThat(resumes(byLocation)).containsExactly(oneSkillInBerlin.resumeId(), allSkillsInLondon.resumeId());
        assertThat(byLocation).extracting(Ranking.Ranked::score).containsExactly(100.0, 0.0);
    }

    @Test
    void theLimitKeepsTheBestLines() {
        CandidateBuilder priya = priya();
        CandidateBuilder tom = tom();
        CandidateBuilder kafkaOnly = aCandidate()
                .titled("Data Engineer")
                .skilled("Apache Kafka", "PostgreSQL")
                .saying("Ran Apache Kafka clusters.");
        indexCandidates(tom, kafkaOnly, priya);

        assertThat(resumes(candidatesFor(backendJob(), MODEL.weights(), 2)))
                .containsExactly(priya.resumeId(), kafkaOnly.resumeId());
    }

    @Test
    void aSkillTheAdNamesWithoutATaxonomyIdIsFoundInTheResumesText() {
        CandidateBuilder eventSourcer = aCandidate()
                .titled("Backend Engineer")
                .saying("Moved the ledger to event sourcing.", "Wrote the read models.");
        indexCandidates(eventSourcer);
        JobBuilder job = aJob().titled("Backend Engineer").requiringPhrase("event sourcing");

        Explanation e = candidatesFor(job, MODEL.weights(), 20).getFirst().explanation();

        assertThat(e.matchedRequiredSkills()).containsExactly("event sourcing");
        assertThat(e.evidence())
                .extracting(MatchList.Evidence::line)
                .containsExactly("Moved the ledger to event sourcing.");
    }

    @Test
    void theVectorSearchFindsACandidateWithNoWordInCommonAndSaysHowSimilar() {
        CandidateBuilder priya = priya().embeddedAs(0.9f, 0.1f, 0f);
        CandidateBuilder platformPerson = aCandidate()
                .titled("Site Reliability Specialist")
                .saying("Kept payment systems running around the clock.")
                .embeddedAs(0.6f, 0.8f, 0f);
        indexCandidates(priya, platformPerson);
        float[] jobVector = MatchTestData.unit(1f, 0f, 0f);

        List<Ranking.Ranked> withoutVector = candidatesFor(backendJob(), MODEL.weights(), 20);
        List<Ranking.Ranked> hybrid = ranking.candidatesForJob(
                index.candidates(),
                backendJob().build(),
                backendJob().text(),
                jobVector,
                MODEL,
                MODEL.weights(),
                Ranking.Mode.HYBRID,
                20);

        assertThat(resumes(withoutVector)).containsExactly(priya.resumeId());
        assertThat(resumes(hybrid)).containsExactly(priya.resumeId(), platformPerson.resumeId());
        assertThat(hybrid.get(1).explanation().breakdown().get(SEMANTIC).detail())
                .isEqualTo("text similarity 0.60 (cosine)");
    }

    @Test
    void bm25ModeRanksByTheJobsWordsInTheResumeTextAlone() {
        CandidateBuilder skillsButNoText =
                aCandidate().titled("Senior Backend Engineer").skilled("Java", "Apache Kafka", "PostgreSQL");
        CandidateBuilder wordsButNoSkills =
                aCandidate().titled("Writer").saying("Senior Backend Engineer: Java, Apache Kafka and PostgreSQL.");
        indexCandidates(skillsButNoText, wordsButNoSkills);
        JobBuilder job = backendJob();

        List<Ranking.Ranked> hybrid = candidatesFor(job, MODEL.weights(), 20);
        List<Ranking.Ranked> bm25 = ranking.candidatesForJob(
                index.candidates(), job.build(), job.text(), null, MODEL, MODEL.weights(), Ranking.Mode.BM25, 20);

        assertThat(resumes(hybrid)).containsExactly(skillsButNoText.resumeId(), wordsButNoSkills.resumeId());
        assertThat(resumes(bm25)).containsExactly(wordsButNoSkills.resumeId());
    }

    @Test
    void aCandidateIsOfferedOpenJobsThatAreNoDuplicatesBestFirst() {
        JobBuilder backend = backendJob();
        JobBuilder javaOnly = aJob().titled("Java Developer").requiring("Java", "Spring");
        JobBuilder closed = backendJob().closed();
        JobBuilder duplicate = backendJob().duplicating(backend.build().jobId());
        indexJobs(javaOnly, closed, backend, duplicate);
        CandidateBuilder priya = priya();

        List<Ranking.Ranked> jobs = ranking.jobsForCandidate(
                index.jobs(), priya.build(), priya.text(), null, MODEL, Ranking.Mode.HYBRID, 20);

        assertThat(jobs)
                .extracting(Ranking.Ranked::id)
                .containsExactly(backend.build().jobId(), javaOnly.build().jobId());
        assertThat(jobs.get(1).explanation().missingRequiredSkills()).containsExactly("Spring");
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private void indexCandidates(CandidateBuilder... candidates) {
        for (CandidateBuilder c : candidates) {
            index.candidates().upsert(c.resumeId(), IndexFields.candidate(c.build(), c.text(), c.vector(), JSON));
        }
        index.refresh();
    }

    private void indexJobs(JobBuilder... jobs) {
        for (JobBuilder j : jobs) {
            index.jobs().upsert(j.build().jobId(), IndexFields.job(j.build(), j.text(), null, JSON));
        }
        index.refresh();
    }

    private List<Ranking.Ranked> candidatesFor(JobBuilder job, Map<ScoreCategory, Double> weights, int limit) {
        return ranking.candidatesForJob(
                index.candidates(), job.build(), job.text(), null, MODEL, weights, Ranking.Mode.HYBRID, limit);
    }

    private static List<UUID> resumes(List<Ranking.Ranked> list) {
        return list.stream().map(Ranking.Ranked::id).toList();
    }
}
