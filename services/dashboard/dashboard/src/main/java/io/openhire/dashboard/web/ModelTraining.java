package io.openhire.dashboard.web;

import io.openhire.dashboard.api.ApiProblem;
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

    private final TrainingApi training;

    ModelTraining(TrainingApi training) {
        this.training = training;
    }

    /**
     * What the training section shows of one model. A training task is named as the model it trains
     * ({@code skill-extraction}), so its datasets and jobs are those whose task is the model's name.
     *
     * @param datasetNames every dataset of the task by id, for the jobs' "trained on"
     * @param error why training could not be read; the lists are empty then
     */
    record Section(
            String model,
            List<DatasetView> datasets,
            List<TrainingJobView> jobs,
            Map<UUID, String> datasetNames,
            String error) {

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

    Section section(String model) {
        try {
            List<DatasetView> datasets = training.datasets().stream()
                    .filter(dataset -> model.equals(dataset.task()))
                    .toList();
            List<TrainingJobView> jobs = training.jobs().stream()
                    .filter(job -> model.equals(job.task()) || model.equals(job.modelName()))
                    .toList();
            Map<UUID, String> names = new LinkedHashMap<>();
            datasets.forEach(dataset -> names.put(dataset.id(), dataset.name()));
            return new Section(model, datasets, jobs, names, null);
        } catch (RestClientResponseException e) {
            return unreadable(model, ApiProblem.message(e));
        } catch (RestClientException | DomainException e) {
            return unreadable(model, "The training service could not be reached. Try again shortly.");
        }
    }

    private static Section unreadable(String model, String why) {
        return new Section(model, List.of(), List.of(), Map.of(), "Training could not be read: " + why);
    }
}
