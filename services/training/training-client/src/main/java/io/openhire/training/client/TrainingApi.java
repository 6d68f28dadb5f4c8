package io.openhire.training.client;

import java.util.List;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * training's API, as an HTTP interface for {@code ServiceClients} (the dashboard's Models page):
 *
 * <pre>{@code
 * TrainingApi training = serviceClients.create(TrainingApi.class, "training");
 * DatasetView data = training.importDataset(file, "SkillSpan tech train", "CONLL", "skill-extraction", "CC BY 4.0", null);
 * TrainingJobView job = training.start(new StartTraining("skill-extraction", List.of(data.id()), List.of(), null, null));
 * }</pre>
 *
 * Datasets, jobs and the models they register are platform state (a model serves every organisation):
 * only a platform operator reads or changes them.
 */
public interface TrainingApi {

    /** Every dataset, newest first. */
    @GetExchange("/api/v1/train/data")
    List<DatasetView> datasets();

    /**
     * Imports a dataset file (201; 200 with the existing dataset when the same content was imported for the
     * task already). A file that is not of its format is a 400 {@code invalid-dataset} naming the line.
     *
     * @param format {@code CONLL} or {@code JSONL} (see the service's README)
     * @param task what it trains: {@code skill-extraction}
     * @param licence the licence the data was published under ("CC BY 4.0", "proprietary")
     * @param source where it came from (a URL, a paper); optional
     */
    @PostExchange(url = "/api/v1/train/data", contentType = MediaType.MULTIPART_FORM_DATA_VALUE)
    DatasetView importDataset(
            @RequestPart("file") Resource file,
            @RequestPart("name") String name,
            @RequestPart("format") String format,
            @RequestPart("task") String task,
            @RequestPart("licence") String licence,
            @RequestPart(value = "source", required = false) String source);

    /** Queues a training job (202); it runs when no other job is running. */
    @PostExchange("/api/v1/train")
    TrainingJobView start(@RequestBody StartTraining request);

    /** The latest training jobs, newest first. */
    @GetExchange("/api/v1/train/jobs")
    List<TrainingJobView> jobs();

    @GetExchange("/api/v1/train/jobs/{id}")
    TrainingJobView job(@PathVariable UUID id);

    /** Cancels a queued or running job (202): nothing is registered. 409 {@code job-finished} once it ended. */
    @PostExchange("/api/v1/train/jobs/{id}/cancel")
    TrainingJobView cancel(@PathVariable UUID id);
}
