package io.openhire.dashboard.web;

import io.openhire.dashboard.api.ApiProblem;
import io.openhire.modelregistry.client.ModelRegistryApi;
import io.openhire.modelregistry.client.ModelView;
import io.openhire.platform.errors.DomainException;
import io.openhire.training.client.DatasetView;
import io.openhire.training.client.TrainingApi;
import io.openhire.training.client.TrainingJobView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The training part of a token-classification model's page, for platform operators: the datasets of the
 * model's task and its training jobs, as training answers them. Training answers anyone else 403, so it is
 * asked only for an operator (the callers check first); a training service that cannot be read leaves a
 * sentence in the section, not a broken model page.
 */
@Component
class ModelTraining {

    static final String TOKEN_CLASSIFICATION = "token-classification";

    /** A file format training reads a task's datasets from, as the import form offers it. */
    record Format(String value, String label, String help) {}

    static final Format CONLL = new Format(
            "CONLL",
            "CoNLL: a word and its BIO tag per line, a blank line between sentences",
            "CoNLL: one word per line, then its BIO tag (B-SKILL, I-SKILL, O), tab-separated; a blank line between"
                    + " sentences. A file may have several tag columns (SkillSpan's Skill and Knowledge): when they"
                    + " overlap on a word, the first column's span is kept.");
    static final Format JSONL = new Format(
            "JSONL",
            "JSONL: a text and its labelled spans per line",
            "JSONL: one JSON object per line, {\"text\": \"…\", \"spans\": [{\"start\": 0, \"end\": 4, \"label\":"
                    + " \"Skill\"}]}, offsets in characters, end exclusive.");
    static final Format ANNOTATED_XML = new Format(
            "ANNOTATED_XML",
            "Annotated resumes: a ZIP of XML resumes, or one .xml file",
            "Annotated resumes: the resume's text with each field marked inline, as in"
                    + " <label type=\"Designation\">Data engineer</label> (the dotin-inc format the shipped resume"
                    + " tagger learned from); one resume as an .xml file, or many as a ZIP of them. Types read: Name,"
                    + " Designation, Companies worked at, Location, Degree, College Name, Graduation Year, Skills (or"
                    + " Tech Tools, Job Specific Skills, Soft Skills); others are left out.");

    /**
     * What a training task reads and learns from: the formats training accepts for its datasets, and what one
     * unit of them is (the skill tagger learns from sentences, the resume tagger from whole resumes).
     */
    record TaskKind(List<Format> formats, String unit) {

        static TaskKind of(String task) {
            return switch (task == null ? "" : task) {
                case "skill-extraction" -> new TaskKind(List.of(CONLL, JSONL), "sentences");
                case "resume-fields" -> new TaskKind(List.of(ANNOTATED_XML), "resumes");
                default -> new TaskKind(List.of(CONLL, JSONL, ANNOTATED_XML), "sentences");
            };
        }

        boolean accepts(String format) {
            return formats.stream().anyMatch(f -> f.value().equals(format));
        }

        /** "CoNLL or JSONL", "Annotated resumes". */
        String choices() {
            return String.join(
                    " or ",
                    formats.stream()
                            .map(f -> f.label().substring(0, f.label().indexOf(':')))
                            .toList());
        }
    }

    private final TrainingApi training;
    private final ModelRegistryApi registry;

    ModelTraining(TrainingApi training, ModelRegistryApi registry) {
        this.training = training;
        this.registry = registry;
    }

    /**
     * What the training section shows of one model. A training task is named as the model it trains
     * ({@code skill-extraction}), so its datasets and jobs are those whose task is the model's name.
     *
     * @param datasetNames every dataset of the task by id, for the jobs' "trained on"
     * @param error why training could not be read; the lists are empty then
     * @param kind the formats the task's datasets come in and what they hold (sentences, resumes)
     * @param aliases the model's aliases → versions, for a finished job's promote buttons (empty when the
     *     registry could not be read)
     */
    record Section(
            String model,
            List<DatasetView> datasets,
            List<TrainingJobView> jobs,
            Map<UUID, String> datasetNames,
            String error,
            TaskKind kind,
            Map<String, Integer> aliases) {

        /** The jobs that are queued, running or registering: the polled list says which it watches. */
        public List<UUID> activeIds() {
            return jobs.stream()
                    .filter(job -> job.status() != null && !job.status().finished())
                    .map(TrainingJobView::id)
                    .toList();
        }

        /** Whether the alias points at this version already (its promote button is not offered again). */
        public boolean isAlias(String alias, Integer version) {
            return version != null && version.equals(aliases.get(alias));
        }

        public List<Format> formats() {
            return kind.formats();
        }

        /** "sentences" or "resumes". */
        public String unit() {
            return kind.unit();
        }

        /** How many of them, in words: "1 resume", "1,200 sentences". */
        public String count(long n) {
            String unit = kind.unit();
            return String.format(java.util.Locale.ROOT, "%,d ", n)
                    + (n == 1 && unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit);
        }

        /** A job is queued, running or registering: the jobs list refreshes itself. */
        public boolean active() {
            return jobs.stream()
                    .anyMatch(job -> job.status() != null && !job.status().finished());
        }

        /** A dataset's name, or the start of its id when it is not (any longer) in the list. */
        public String datasetName(UUID id) {
            String name = datasetNames.get(id);
            return name != null ? name : id == null ? "" : id.toString().substring(0, 8);
        }
    }

    /** Whether a model's page has a training section (for a platform operator): token-classification models. */
    static boolean trainable(ModelView model) {
        return model != null && TOKEN_CLASSIFICATION.equals(model.task());
    }

    /** The section of a model whose page is being shown (its aliases are known already). */
    Section section(ModelView shown) {
        return section(shown.name(), aliases(shown));
    }

    /** The section on its own (a form's answer): the model's aliases are read again. */
    Section section(String model) {
        Map<String, Integer> aliases;
        try {
            aliases = aliases(registry.model(model));
        } catch (RestClientException | DomainException e) {
            aliases = Map.of();
        }
        return section(model, aliases);
    }

    private static Map<String, Integer> aliases(ModelView model) {
        Map<String, Integer> aliases = new LinkedHashMap<>();
        if (model != null && model.aliases() != null) {
            model.aliases().forEach((alias, at) -> aliases.put(alias, at.version()));
        }
        return aliases;
    }

    private Section section(String model, Map<String, Integer> aliases) {
        TaskKind kind = TaskKind.of(model);
        try {
            List<DatasetView> datasets = training.datasets().stream()
                    .filter(dataset -> model.equals(dataset.task()))
                    .toList();
            List<TrainingJobView> jobs = training.jobs().stream()
                    .filter(job -> model.equals(job.task()) || model.equals(job.modelName()))
                    .toList();
            Map<UUID, String> names = new LinkedHashMap<>();
            datasets.forEach(dataset -> names.put(dataset.id(), dataset.name()));
            return new Section(model, datasets, jobs, names, null, kind, aliases);
        } catch (RestClientResponseException e) {
            return unreadable(model, kind, aliases, ApiProblem.message(e));
        } catch (RestClientException | DomainException e) {
            return unreadable(model, kind, aliases, "The training service could not be reached. Try again shortly.");
        }
    }

    private static Section unreadable(String model, TaskKind kind, Map<String, Integer> aliases, String why) {
        return new Section(model, List.of(), List.of(), Map.of(), "Training could not be read: " + why, kind, aliases);
    }
}
