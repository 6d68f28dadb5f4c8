package io.openhire.training.jobs;

import io.openhire.modelregistry.client.ModelRegistryApi;
import io.openhire.modelregistry.client.ModelView;
import io.openhire.modelregistry.client.RegisterVersion;
import io.openhire.modelregistry.client.VersionView;
import io.openhire.platform.crypto.Sha256;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.http.ServiceAccount;
import io.openhire.platform.security.PlatformOrganization;
import io.openhire.skills.SkillsTaxonomy;
import io.openhire.tagging.CrfModel;
import io.openhire.tagging.CrfTrainer;
import io.openhire.training.TrainingProperties;
import io.openhire.training.TrainingTask;
import io.openhire.training.client.ChampionComparison;
import io.openhire.training.client.DatasetView;
import io.openhire.training.client.Evaluation;
import io.openhire.training.client.TrainingJobView;
import io.openhire.training.client.TrainingParams;
import io.openhire.training.datasets.Datasets;
import io.openhire.training.datasets.Labelled;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

/**
 * Runs the queued training jobs, one at a time, on a low-priority thread of its own (the platform stays
 * responsive on two cores while a model trains): claims a job, trains and scores it, scores the champion on
 * the same held-out sentences, keeps the model in the job's row, then registers it in model-registry with its
 * metrics and lineage. A job whose worker is lost (a crash, a kill) is taken again when its lease runs out; a
 * job stopped by a shutdown is queued again; the registry being away only delays the registration.
 */
@Component
class TrainingWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TrainingWorker.class);
    /** How often a running job renews its lease and looks whether it was cancelled. */
    private static final long HEARTBEAT_NANOS = 2_000_000_000L;

    private final TrainingJobs jobs;
    private final Datasets datasets;
    private final SkillsTaxonomy taxonomy;
    private final ModelRegistryApi registry;
    private final ServiceAccount serviceAccount;
    private final TrainingProperties properties;
    private final Object idle = new Object();
    private volatile boolean stopping;
    private volatile Thread thread;

    TrainingWorker(
            TrainingJobs jobs,
            Datasets datasets,
            SkillsTaxonomy taxonomy,
            ModelRegistryApi registry,
            ServiceAccount serviceAccount,
            TrainingProperties properties) {
        this.jobs = jobs;
        this.datasets = datasets;
        this.taxonomy = taxonomy;
        this.registry = registry;
        this.serviceAccount = serviceAccount;
        this.properties = properties;
    }

    @Override
    public void start() {
        stopping = false;
        thread = Thread.ofPlatform().name("training-worker").daemon(true).start(this::work);
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    @Override
    public void stop() {
        stopping = true;
        wake();
        Thread running = thread;
        if (running != null) {
            try {
                running.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** A job was queued: look now rather than at the next poll. */
    @EventListener
    void on(TrainingJobs.Queued queued) {
        wake();
    }

    private void wake() {
        synchronized (idle) {
            idle.notifyAll();
        }
    }

    private void work() {
        while (!stopping) {
            try {
                Optional<TrainingJobs.Claimed> job = jobs.claim(properties.lease());
                if (job.isPresent()) {
                    run(job.get());
                    continue;
                }
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                log.warn("training worker: {}", e.toString());
            }
            synchronized (idle) {
                try {
                    idle.wait(properties.poll().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void run(TrainingJobs.Claimed job) {
        if (job.cancelRequested()) {
            jobs.finish(job.id(), TrainingJobView.Status.CANCELLED, null, "cancelled: nothing registered");
            return;
        }
        if (job.status() == TrainingJobView.Status.REGISTERING) {
            register(job.id(), job.task());
            return;
        }
        if (job.attempts() > properties.maxAttempts()) {
            jobs.finish(
                    job.id(),
                    TrainingJobView.Status.FAILED,
                    "Its worker was lost " + (job.attempts() - 1) + " times before it finished.",
                    "failed: its worker was lost " + (job.attempts() - 1) + " times");
            return;
        }
        jobs.restart(job.id(), job.attempts());
        Heartbeat heartbeat = new Heartbeat(job.id());
        try {
            train(job, heartbeat);
        } catch (CrfTrainer.Cancelled e) {
            if (heartbeat.cancelRequested) {
                jobs.finish(job.id(), TrainingJobView.Status.CANCELLED, null, "cancelled: nothing registered");
            } else {
                jobs.requeue(job.id());
            }
            return;
        } catch (DomainException e) {
            jobs.finish(job.id(), TrainingJobView.Status.FAILED, e.getMessage(), "failed: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            if (stopping) {
                jobs.requeue(job.id());
                return;
            }
            log.warn("training job {} failed", job.id(), e);
            String error = "Training failed: " + e.getClass().getSimpleName();
            jobs.finish(job.id(), TrainingJobView.Status.FAILED, error, "failed: " + error);
            return;
        }
        register(job.id(), job.task());
    }

    private void train(TrainingJobs.Claimed job, Heartbeat heartbeat) {
        TrainingParams params = job.params();
        TaskTagger tagger = TaskTagger.of(job.task(), taxonomy);
        List<Labelled> items = items(job.datasetIds());
        List<Labelled> dev = items(job.devDatasetIds());
        TaggerTraining training = TaggerTraining.of(tagger, items, dev, params);
        if (training.trainSize() < 10) {
            throw DomainException.invalid(
                    "too-little-data",
                    "Training needs at least 10 sentences or resumes; it has " + training.trainSize() + ".");
        }
        jobs.log(
                job.id(),
                "training on %d %s, scoring on %d %s"
                        .formatted(
                                training.trainSize(),
                                job.task() == TrainingTask.RESUME_FIELDS ? "resumes" : "sentences",
                                training.devSize(),
                                dev.isEmpty()
                                        ? "held out of them (%.0f%%, seed %d)"
                                                .formatted(params.devFraction() * 100, params.seed())
                                        : "of the evaluation datasets"));
        CrfModel model = training.run(params, progress -> jobs.epoch(job.id(), progress, params.epochs()), heartbeat);
        Evaluation evaluation = training.score(model);
        ChampionComparison comparison = compare(job.task(), tagger, training, model, job.id());
        jobs.evaluated(job.id(), model.toBytes(), evaluation, comparison);
        jobs.log(
                job.id(),
                "held-out strict F1 %.3f (precision %.3f, recall %.3f; lenient F1 %.3f)"
                        .formatted(
                                evaluation.all().f1(),
                                evaluation.all().precision(),
                                evaluation.all().recall(),
                                evaluation.all().lenientF1()));
        if (comparison != null) {
            jobs.log(
                    job.id(),
                    "beside champion version %d on the %d held-out %s it never trained on%s: F1 %.3f against %.3f"
                            .formatted(
                                    comparison.championVersion(),
                                    comparison.compared(),
                                    training.unit(),
                                    comparison.championDataKnown()
                                            ? comparison.championTrainedOn() == 0
                                                    ? ""
                                                    : " (" + comparison.championTrainedOn() + " it trained on left out)"
                                            : " (its training data is unknown: all compared)",
                                    comparison.version().f1(),
                                    comparison.champion().f1()));
        }
    }

    private List<Labelled> items(List<UUID> ids) {
        List<Labelled> all = new ArrayList<>();
        for (UUID id : ids) {
            all.addAll(datasets.items(id));
        }
        return all;
    }

    /**
     * The new model beside the champion, both scored on the held-out items the champion never trained on (the
     * only fair comparison); null when there is no champion, it reads other features, it could not be loaded, or
     * it trained on every held-out item (the log says which).
     */
    private ChampionComparison compare(
            TrainingTask task, TaskTagger tagger, TaggerTraining training, CrfModel trained, UUID jobId) {
        try {
            return serviceAccount.onBehalfOf(PlatformOrganization.ID, () -> {
                ModelView model = registry.model(task.modelName());
                Integer number = model.aliasVersion(ModelView.CHAMPION);
                if (number == null) {
                    return null;
                }
                VersionView version = model.version(number).orElseThrow();
                if (version.tagger() == null
                        || !tagger.features().equals(version.tagger().features())) {
                    jobs.log(jobId, "champion version " + number + " reads other features: not compared");
                    return null;
                }
                byte[] artifact = registry.artifact(task.modelName(), number);
                if (!Sha256.hex(artifact).equals(version.artifact().sha256())) {
                    jobs.log(jobId, "champion version " + number + " arrived damaged: not compared");
                    return null;
                }
                Set<String> trainedOn = championTrainedOn(tagger, version);
                TaggerTraining.Compared compared = training.compare(trained, CrfModel.fromBytes(artifact), trainedOn);
                if (compared == null) {
                    jobs.log(
                            jobId,
                            "champion version " + number + " trained on every held-out " + training.unitOne()
                                    + ": not compared (evaluate on data it never saw)");
                    return null;
                }
                return new ChampionComparison(
                        number,
                        compared.items(),
                        compared.left(),
                        trainedOn != null,
                        compared.version(),
                        compared.champion());
            });
        } catch (HttpClientErrorException.NotFound e) {
            return null;
        } catch (RestClientException | UncheckedIOException e) {
            jobs.log(jobId, "the champion could not be read from model-registry: not compared");
            return null;
        }
    }

    /**
     * The fingerprints of what a version trained on: the shipped tagger's ship with it; a version this service
     * trained, its job's training datasets (all of them: conservative when a share was held out); otherwise null
     * (unknown).
     */
    private Set<String> championTrainedOn(TaskTagger tagger, VersionView version) {
        if (version.artifact().sha256().equals(tagger.shippedSha256())) {
            return tagger.shippedTrainedOn();
        }
        String run = version.lineage() == null ? null : version.lineage().trainingRun();
        if (run == null) {
            return null;
        }
        UUID jobId;
        try {
            jobId = UUID.fromString(run);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
        Optional<TrainingJobView> job = jobs.find(jobId);
        if (job.isEmpty()) {
            return null;
        }
        Set<String> fingerprints = new HashSet<>();
        for (Labelled item : items(job.get().datasetIds())) {
            fingerprints.add(tagger.fingerprint(item));
        }
        return fingerprints;
    }

    /**
     * Registers the job's model unless it was cancelled meanwhile. A version an earlier attempt registered
     * (it crashed before it could note the answer) is found by its training run and taken, not registered twice.
     */
    private void register(UUID id, TrainingTask task) {
        if (jobs.heartbeat(id, properties.lease())) {
            jobs.finish(
                    id, TrainingJobView.Status.CANCELLED, null, "cancelled before registration: nothing registered");
            return;
        }
        Optional<byte[]> artifact = jobs.artifact(id);
        if (artifact.isEmpty()) {
            jobs.finish(
                    id, TrainingJobView.Status.FAILED, "The trained model was lost.", "failed: no model to register");
            return;
        }
        TrainingJobView job = jobs.get(id);
        try {
            VersionView version = serviceAccount.onBehalfOf(PlatformOrganization.ID, () -> {
                Optional<VersionView> earlier = registeredBy(task, id);
                return earlier.orElseGet(() -> registry.register(
                        metadata(job, task, Sha256.hex(artifact.get())), new ByteArrayResource(artifact.get()) {
                            @Override
                            public String getFilename() {
                                return task.modelName() + ".crf";
                            }
                        }));
            });
            jobs.registered(id, version.version());
        } catch (HttpClientErrorException e) {
            String refusal =
                    "model-registry refused the model (" + e.getStatusCode().value() + ")";
            jobs.finish(
                    id,
                    TrainingJobView.Status.FAILED,
                    refusal + ": " + e.getResponseBodyAsString(),
                    "failed: " + refusal);
        } catch (RestClientException e) {
            jobs.registerLater(id, properties.registryRetry(), "model-registry is not reachable");
        }
    }

    private Optional<VersionView> registeredBy(TrainingTask task, UUID jobId) {
        try {
            return registry.model(task.modelName()).versions().stream()
                    .filter(v -> v.lineage() != null
                            && jobId.toString().equals(v.lineage().trainingRun()))
                    .findFirst();
        } catch (HttpClientErrorException.NotFound noModelYet) {
            return Optional.empty();
        }
    }

    /** What the registry keeps with the version: its scores, and where it came from (data, parameters, code). */
    private RegisterVersion metadata(TrainingJobView job, TrainingTask task, String artifactSha256) {
        String features = TaskTagger.of(task, taxonomy).features();
        Evaluation evaluation = job.evaluation();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("span-f1", evaluation.all().f1());
        metrics.put("span-precision", evaluation.all().precision());
        metrics.put("span-recall", evaluation.all().recall());
        metrics.put("span-f1-lenient", evaluation.all().lenientF1());
        evaluation.byLabel().forEach((label, m) -> metrics.put("span-f1." + label, m.f1()));
        ChampionComparison comparison = job.comparison();
        if (comparison != null
                && (comparison.championDataKnown() || !job.devDatasetIds().isEmpty())) {
            // How much better than the champion on held-out items neither trained on (when the champion's training
            // data is unknown, only evaluation datasets count): the gate {metric: span-f1-vs-champion, min: 0}
            // refuses a version that does worse than the one it would replace.
            metrics.put(
                    "span-f1-vs-champion",
                    Math.round((comparison.version().f1()
                                            - comparison.champion().f1())
                                    * 10_000)
                            / 10_000.0);
        }
        List<String> trainShas = new ArrayList<>();
        for (UUID id : job.datasetIds()) {
            trainShas.add(datasets.get(id).sha256());
        }
        List<String> devShas = new ArrayList<>();
        for (UUID id : job.devDatasetIds()) {
            DatasetView dev = datasets.get(id);
            devShas.add(dev.sha256());
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("training-job", job.id().toString());
        tags.put("datasets", String.join(",", trainShas));
        tags.put(
                "evaluated-on",
                devShas.isEmpty()
                        ? "%.0f%% of the training sentences held out (seed %d), %d sentences"
                                .formatted(
                                        job.params().devFraction() * 100,
                                        job.params().seed(),
                                        evaluation.devSentences())
                        : "datasets " + String.join(",", devShas) + ", " + evaluation.devSentences() + " sentences");
        tags.put(
                "params",
                "epochs=%d learningRate=%s l2=%s seed=%d"
                        .formatted(
                                job.params().epochs(),
                                job.params().learningRate(),
                                job.params().l2(),
                                job.params().seed()));
        tags.put(
                "code",
                "openhire-training " + codeVersion() + ", features " + features + ", skills taxonomy "
                        + taxonomy.version());
        if (comparison != null) {
            tags.put(
                    "compared-with-champion",
                    "v%d on %d held-out items it never trained on: %.4f against %.4f"
                            .formatted(
                                    comparison.championVersion(),
                                    comparison.compared(),
                                    comparison.version().f1(),
                                    comparison.champion().f1()));
        }
        String description = job.description() != null
                ? job.description()
                : "Trained by training job " + job.id() + " on " + evaluation.trainSentences() + " sentences";
        return new RegisterVersion(
                task.modelName(),
                RegisterVersion.TOKEN_CLASSIFICATION,
                description,
                features,
                metrics,
                tags,
                "training job " + job.id(),
                job.id().toString(),
                // one dataset: its SHA-256; several: the SHA-256 of their SHA-256s in order (each is in the tags)
                trainShas.size() == 1 ? trainShas.getFirst() : Sha256.hex(String.join(",", trainShas)),
                comparison == null ? null : comparison.championVersion(),
                artifactSha256);
    }

    private static String codeVersion() {
        String version = TrainingWorker.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    /**
     * Asked between training sentences: renews the job's lease every two seconds and stops training when the
     * job was cancelled or the service is shutting down.
     */
    private final class Heartbeat implements java.util.function.BooleanSupplier {
        private final UUID id;
        private long last = System.nanoTime();
        volatile boolean cancelRequested;

        Heartbeat(UUID id) {
            this.id = id;
        }

        @Override
        public boolean getAsBoolean() {
            if (stopping) {
                return true;
            }
            long now = System.nanoTime();
            if (now - last >= HEARTBEAT_NANOS) {
                last = now;
                cancelRequested = jobs.heartbeat(id, properties.lease());
            }
            return cancelRequested;
        }
    }
}
