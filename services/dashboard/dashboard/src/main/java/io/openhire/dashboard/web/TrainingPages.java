package io.openhire.dashboard.web;

import io.openhire.dashboard.api.ApiProblem;
import io.openhire.modelregistry.client.ModelRegistryApi;
import io.openhire.platform.web.ProblemException;
import io.openhire.training.client.DatasetView;
import io.openhire.training.client.StartTraining;
import io.openhire.training.client.TrainingApi;
import io.openhire.training.client.TrainingJobView;
import io.openhire.training.client.TrainingParams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Training a new version of a token-classification model from its page ({@code /models/{name}}, the
 * "Training" section): import a dataset, start a training job, follow and cancel jobs. Platform operators
 * only, checked here before training is asked (training refuses anyone else too). Each form answers the
 * section (or its jobs list) again, with what happened or the training service's sentence beside the form;
 * a finished job's version is promoted with the page's own promote form ({@code ModelsPages}).
 */
@Controller
class TrainingPages {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    static final String OPERATORS_ONLY =
            "Only a platform operator trains models: every organisation uses the same ones.";

    /** The import form's labels by the field training names in a validation problem. */
    static final Map<String, String> IMPORT_FIELDS = Map.of(
            "file", "File",
            "name", "Name",
            "format", "Format",
            "licence", "Licence",
            "source", "Source",
            "task", "Task");

    /** The train form's labels by the field training names in a validation problem. */
    static final Map<String, String> TRAIN_FIELDS = Map.of(
            "datasetIds", "Training datasets",
            "devDatasetIds", "Evaluation datasets",
            "params.epochs", "Epochs",
            "params", "Epochs",
            "description", "Description",
            "task", "Task");

    private final TrainingApi training;
    private final ModelTraining sections;
    private final ModelRegistryApi models;
    private final People people;

    TrainingPages(TrainingApi training, ModelTraining sections, ModelRegistryApi models, People people) {
        this.training = training;
        this.sections = sections;
        this.models = models;
        this.people = people;
    }

    /** What the upload form holds, kept as typed when training refuses it (the file cannot be kept). */
    record UploadForm(String name, String format, String licence, String source) {

        /** An empty form, its format the first the model's task reads. */
        static UploadForm empty(ModelTraining.Section section) {
            return new UploadForm("", section.formats().getFirst().value(), "", "");
        }
    }

    /** What the "Train a new version" form holds, kept as chosen when training refuses it. */
    record TrainForm(List<UUID> datasetIds, List<UUID> devDatasetIds, int epochs, String description) {
        static final TrainForm DEFAULT = new TrainForm(List.of(), List.of(), 5, "");
    }

    /**
     * The jobs list, as it refreshes itself every 2 s while a job is queued, running or registering. It says
     * which jobs were active when it was shown ({@code watching}): once one of them has succeeded, its new
     * version is registered, and the model's part of the page (Versions, Aliases) comes along out of band.
     */
    @GetMapping("/models/{name}/training/jobs")
    String jobs(@PathVariable String name, @RequestParam(required = false) List<UUID> watching, Model model) {
        requireOperator();
        String task = name(name);
        ModelTraining.Section section = sections.section(task);
        model.addAttribute("training", section);
        model.addAttribute("names", people.names());
        if (watching != null
                && section.jobs().stream()
                        .anyMatch(job ->
                                watching.contains(job.id()) && job.status() == TrainingJobView.Status.SUCCEEDED)) {
            try {
                ModelsPages.show(models, people, task, model);
                model.addAttribute("canChange", true); // operators only here
                model.addAttribute("detailOutOfBand", true);
            } catch (RuntimeException registryAway) {
                // the jobs list still shows; the versions catch up on the next reload
            }
        }
        return "model :: jobs-update";
    }

    /** A dataset file for the model's task, sent on to training as it came (with its file name). */
    @PostMapping("/models/{name}/training/datasets")
    String importDataset(
            @PathVariable String name,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(name = "name", required = false) String datasetName,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String licence,
            @RequestParam(required = false) String source,
            Model model) {
        requireOperator();
        String task = name(name);
        ModelTraining.TaskKind kind = ModelTraining.TaskKind.of(task);
        String chosen = text(format, kind.formats().getFirst().value());
        UploadForm typed = new UploadForm(
                text(datasetName, ""),
                kind.accepts(chosen) ? chosen : kind.formats().getFirst().value(),
                text(licence, ""),
                text(source, ""));
        if (file == null || file.isEmpty()) {
            return section(task, model, typed, TrainForm.DEFAULT, null, "Choose the dataset file to import.", null);
        }
        if (!kind.accepts(chosen)) {
            return section(
                    task,
                    model,
                    typed,
                    TrainForm.DEFAULT,
                    null,
                    "Choose the file's format: " + kind.choices() + ".",
                    null);
        }
        try {
            Set<UUID> known = knownDatasets();
            DatasetView dataset = training.importDataset(
                    resource(file), typed.name(), chosen, task, typed.licence(), text(source, null));
            String notice = known.contains(dataset.id())
                    ? "This file was imported already, as \u201c" + dataset.name() + "\u201d: nothing new was stored."
                    : "Imported \u201c" + dataset.name() + "\u201d: " + dataset.sentences() + " " + kind.unit() + ", "
                            + dataset.spans() + " spans.";
            return section(task, model, null, TrainForm.DEFAULT, notice, null, null);
        } catch (RestClientResponseException refused) {
            // the section again, the service's sentence beside the form as it was filled in
            return section(
                    task, model, typed, TrainForm.DEFAULT, null, ApiProblem.message(refused, IMPORT_FIELDS), null);
        }
    }

    /** Queues a training job of the model's task; the section comes back with the job in its list. */
    @PostMapping("/models/{name}/training/jobs")
    String start(
            @PathVariable String name,
            @RequestParam(required = false) List<UUID> datasetIds,
            @RequestParam(required = false) List<UUID> devDatasetIds,
            @RequestParam(defaultValue = "5") int epochs,
            @RequestParam(required = false) String description,
            Model model) {
        requireOperator();
        String task = name(name);
        TrainForm chosen = new TrainForm(
                datasetIds == null ? List.of() : List.copyOf(datasetIds),
                devDatasetIds == null ? List.of() : List.copyOf(devDatasetIds),
                epochs,
                text(description, ""));
        if (chosen.datasetIds().isEmpty()) {
            return section(task, model, null, chosen, null, null, "Choose at least one dataset to train on.");
        }
        try {
            TrainingJobView job = training.start(new StartTraining(
                    task,
                    chosen.datasetIds(),
                    chosen.devDatasetIds(),
                    new TrainingParams(epochs, null, null, null, null),
                    chosen.description().isEmpty() ? null : chosen.description()));
            // Said in the past tense, so it stays true when the job has ended: its card in the list has the rest.
            String notice = "Queued training job " + job.id().toString().substring(0, 8)
                    + ": its progress and result are under Training jobs.";
            return section(task, model, null, TrainForm.DEFAULT, notice, null, null);
        } catch (RestClientResponseException refused) {
            return section(task, model, null, chosen, null, null, ApiProblem.message(refused, TRAIN_FIELDS));
        }
    }

    /** Cancels a queued or running job: nothing is registered. A job that ended meanwhile says so. */
    @PostMapping("/models/{name}/training/jobs/{id}/cancel")
    String cancel(@PathVariable String name, @PathVariable UUID id, Model model) {
        requireOperator();
        String task = name(name);
        try {
            TrainingJobView job = training.cancel(id);
            model.addAttribute(
                    "jobsNotice",
                    job.status() == TrainingJobView.Status.CANCELLED
                            ? "Cancelled: nothing is registered."
                            : "Asked to stop: it ends within seconds and registers nothing.");
        } catch (RestClientResponseException refused) {
            model.addAttribute("jobsError", ApiProblem.message(refused));
        }
        return jobsList(task, model);
    }

    private String jobsList(String task, Model model) {
        model.addAttribute("training", sections.section(task));
        model.addAttribute("names", people.names());
        return "model :: jobs";
    }

    private String section(
            String task,
            Model model,
            UploadForm upload,
            TrainForm train,
            String notice,
            String uploadError,
            String trainError) {
        ModelTraining.Section section = sections.section(task);
        model.addAttribute("training", section);
        model.addAttribute("names", people.names());
        model.addAttribute("upload", upload == null ? UploadForm.empty(section) : upload);
        model.addAttribute("train", train);
        model.addAttribute("trainingNotice", notice);
        model.addAttribute("uploadError", uploadError);
        model.addAttribute("trainError", trainError);
        return "model :: training";
    }

    /** The datasets training has now, to tell a new import from the same file imported again. */
    private Set<UUID> knownDatasets() {
        return training.datasets().stream().map(DatasetView::id).collect(java.util.stream.Collectors.toSet());
    }

    /** Refused here, before training is asked: the person gets the sentence, training no request. */
    private static void requireOperator() {
        if (!ModelsPages.operator()) {
            throw ProblemException.forbidden(OPERATORS_ONLY);
        }
    }

    private static String name(String name) {
        if (!NAME.matcher(name).matches()) {
            throw ProblemException.notFound("Model " + "with that name");
        }
        return name;
    }

    /** The file's bytes under its own name (without any folder a browser put before it). */
    private static Resource resource(MultipartFile file) {
        String original = Optional.ofNullable(file.getOriginalFilename())
                .map(n -> n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1))
                .filter(n -> !n.isBlank())
                .orElse("dataset");
        try {
            return new ByteArrayResource(file.getBytes()) {
                @Override
                public String getFilename() {
                    return original;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value.strip();
    }
}
