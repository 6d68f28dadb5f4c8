package io.openhire.training.privacy;

import io.openhire.privacy.client.DataSubject;
import io.openhire.privacy.client.DataSubjectHandler;
import io.openhire.privacy.client.SubjectAnswer;
import io.openhire.training.datasets.Datasets;
import io.openhire.training.jobs.Retraining;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * training's part of a data-subject request: the items of its datasets that hold the person's email address or
 * phone number ({@link Mentions}; never their name). Datasets are platform data, imported by operators and
 * training models that serve every organisation, so every dataset is searched whichever organisation the
 * request comes from, and an erasure takes the person out of them for all. An item is a resume of an annotated
 * dataset, or a sentence (one line of JSONL) of a job-ad dataset: those files do not say which document a sentence
 * came from, so only the sentences that hold the address or number are found (see {@code DatasetItems}).
 *
 * <ul>
 *   <li><b>Access</b>: which datasets hold them and how many items of each — not the items. The datasets are the
 *       platform's, not the asking organisation's: an admin of any organisation (anyone can sign one up) must not
 *       be able to read platform training data by naming an email address. A copy of the items is the platform
 *       operator's to give, to the person.
 *   <li><b>Erasure</b>: every item that holds them is taken out of its dataset's file, whoever's it is, and the
 *       jobs that trained a model on such a dataset are marked to be trained again ({@link Retraining}).
 *   <li><b>Count</b>: the items that still hold them; 0 after an erasure.
 * </ul>
 */
@Component
class TrainingDataSubjects implements DataSubjectHandler {

    private static final Logger log = LoggerFactory.getLogger(TrainingDataSubjects.class);

    private final Datasets datasets;
    private final Retraining retraining;

    TrainingDataSubjects(Datasets datasets, Retraining retraining) {
        this.datasets = datasets;
        this.retraining = retraining;
    }

    @Override
    public SubjectAnswer access(UUID organizationId, DataSubject subject) {
        List<Datasets.FoundItem> found = datasets.findItems(new Mentions(subject)::in);
        Map<UUID, Map<String, Object>> perDataset = new LinkedHashMap<>();
        for (Datasets.FoundItem item : found) {
            Map<String, Object> dataset = perDataset.computeIfAbsent(item.datasetId(), id -> {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("datasetId", id.toString());
                d.put("dataset", item.dataset());
                d.put("task", item.task());
                d.put("items", 0);
                return d;
            });
            dataset.merge("items", 1, (a, b) -> (Integer) a + (Integer) b);
        }
        log.info("Data-subject access: {} training data items in {} datasets", found.size(), perDataset.size());
        return new SubjectAnswer(
                found.size(),
                found.size(),
                Map.of(
                        "trainingData",
                        List.copyOf(perDataset.values()),
                        "note",
                        "Platform training data: the items themselves are given to the person by the platform"
                                + " operator on request."),
                List.of());
    }

    /**
     * In the listener's transaction: the claim lock first (see {@link Retraining#holdClaims}), then each dataset
     * written again and the jobs that trained on it marked, so that the new files and the marks commit together.
     */
    @Override
    public int erase(UUID organizationId, DataSubject subject) {
        Mentions mentions = new Mentions(subject);
        retraining.holdClaims();
        List<Datasets.Erased> erased = datasets.eraseItems(mentions::in);
        int items = 0;
        List<Retraining.Marked> marked = new ArrayList<>();
        for (Datasets.Erased dataset : erased) {
            items += dataset.items();
            marked.addAll(retraining.datasetErased(dataset.datasetId(), dataset.dataset(), dataset.items()));
        }
        log.info(
                "Data-subject erasure: {} training data items taken out of {} datasets; jobs whose models should be"
                        + " trained again: {}",
                items,
                erased.size(),
                marked.stream()
                        .map(m -> m.jobId() + " (" + m.modelName() + " version " + m.modelVersion() + ")")
                        .distinct()
                        .toList());
        return items;
    }

    @Override
    public int count(UUID organizationId, DataSubject subject) {
        return datasets.findItems(new Mentions(subject)::in).size();
    }
}
