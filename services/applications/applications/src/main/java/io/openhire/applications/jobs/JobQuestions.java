package io.openhire.applications.jobs;

import io.openhire.applications.client.Answer;
import io.openhire.applications.client.JobQuestion;
import io.openhire.platform.errors.DomainException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The questions a job asks its applicants on the career site (at most 10), and checking the answers. */
@Service
public class JobQuestions {

    private static final int MAX_QUESTIONS = 10;
    private static final int MAX_ANSWER = 2_000;

    private final JdbcClient jdbc;
    private final Jobs jobs;

    JobQuestions(JdbcClient jdbc, Jobs jobs) {
        this.jdbc = jdbc;
        this.jobs = jobs;
    }

    public List<JobQuestion> of(UUID org, UUID jobId) {
        jobs.require(org, jobId);
        return read(jobId);
    }

    /** The questions of a job whose organisation the caller has checked (the career site's posting). */
    public List<JobQuestion> read(UUID jobId) {
        return jdbc.sql("SELECT question, required FROM job_question WHERE job_id = :job ORDER BY position")
                .param("job", jobId)
                .query((rs, i) -> new JobQuestion(rs.getString(1), rs.getBoolean(2)))
                .list();
    }

    @Transactional
    public List<JobQuestion> save(UUID org, UUID jobId, List<JobQuestion> questions) {
        jobs.require(org, jobId);
        if (questions == null || questions.size() > MAX_QUESTIONS) {
            throw DomainException.invalidField("questions", "a list of at most " + MAX_QUESTIONS + " questions");
        }
        Set<String> seen = new HashSet<>();
        List<JobQuestion> valid = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            JobQuestion q = questions.get(i);
            String text = q == null || q.question() == null ? "" : q.question().strip();
            if (text.isEmpty() || text.length() > 300 || text.chars().anyMatch(Character::isISOControl)) {
                throw DomainException.invalidField("questions[" + i + "].question", "1–300 characters on one line");
            }
            if (!seen.add(text.toLowerCase(Locale.ROOT))) {
                throw DomainException.invalidField("questions[" + i + "].question", "is asked twice");
            }
            valid.add(new JobQuestion(text, q.required()));
        }
        jdbc.sql("DELETE FROM job_question WHERE job_id = :job")
                .param("job", jobId)
                .update();
        for (int i = 0; i < valid.size(); i++) {
            jdbc.sql("""
                            INSERT INTO job_question (organization_id, job_id, position, question, required)
                            VALUES (:org, :job, :position, :question, :required)
                            """)
                    .param("org", org)
                    .param("job", jobId)
                    .param("position", i)
                    .param("question", valid.get(i).question())
                    .param("required", valid.get(i).required())
                    .update();
        }
        return read(jobId);
    }

    /**
     * The applicant's answers, each beside its question: one per question, in order; a required one answered.
     */
    public List<Answer> answers(UUID jobId, List<String> given) {
        List<JobQuestion> questions = read(jobId);
        List<String> answers = given == null ? List.of() : given;
        if (answers.size() > questions.size()) {
            throw DomainException.invalidField("answers", "more answers than the job has questions");
        }
        List<Answer> valid = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            String answer = i < answers.size() && answers.get(i) != null
                    ? answers.get(i).strip()
                    : "";
            if (answer.length() > MAX_ANSWER) {
                throw DomainException.invalidField("answers[" + i + "]", "at most " + MAX_ANSWER + " characters");
            }
            if (answer.isEmpty() && questions.get(i).required()) {
                throw DomainException.invalidField(
                        "answers[" + i + "]", "'" + questions.get(i).question() + "' needs an answer");
            }
            if (!answer.isEmpty()) {
                valid.add(new Answer(questions.get(i).question(), answer));
            }
        }
        return valid;
    }
}
