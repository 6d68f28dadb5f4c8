package io.openhire.training;

import io.openhire.platform.errors.DomainException;
import java.util.Arrays;

/** What a dataset teaches and a job trains: each task is one model of the registry. */
public enum TrainingTask {

    /** The skill tagger job-processing reads job ads with (libs/skills-taxonomy's {@code SkillTagger}). */
    SKILL_EXTRACTION("skill-extraction", "skill-extraction"),

    /**
     * The resume tagger resume-processing reads resumes with (libs/resume-tagger's {@code ResumeTagger}): names,
     * titles, employers, places, degrees, colleges, graduation years and skills.
     */
    RESUME_FIELDS("resume-fields", "resume-fields");

    private final String id;
    private final String modelName;

    TrainingTask(String id, String modelName) {
        this.id = id;
        this.modelName = modelName;
    }

    public String id() {
        return id;
    }

    /** The model in model-registry that its jobs register versions of. */
    public String modelName() {
        return modelName;
    }

    public static TrainingTask of(String id) {
        for (TrainingTask task : values()) {
            if (task.id.equals(id == null ? null : id.strip())) {
                return task;
            }
        }
        throw DomainException.invalidField(
                "task",
                "must be one of "
                        + Arrays.stream(values()).map(TrainingTask::id).toList());
    }
}
