package io.openhire.modelregistry.models.web;

import io.openhire.modelregistry.client.AliasChange;
import io.openhire.modelregistry.client.Gate;
import io.openhire.modelregistry.client.ModelView;
import io.openhire.modelregistry.client.VersionView;
import io.openhire.modelregistry.models.ModelVersion;
import io.openhire.modelregistry.models.Models;
import io.openhire.modelregistry.models.RegisteredModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry's model, versions and alias moves as model-registry-client's records: what this service
 * answers is what its callers read, field for field.
 */
final class ModelViews {

    private ModelViews() {}

    static ModelView model(RegisteredModel model, Map<String, Models.Alias> aliases, List<ModelVersion> versions) {
        return new ModelView(
                model.name(),
                model.task(),
                model.description(),
                model.gates().stream().map(ModelViews::gate).toList(),
                aliases(aliases),
                versions.stream().map(v -> version(v, aliases)).toList(),
                model.createdAt(),
                model.updatedAt());
    }

    static VersionView version(ModelVersion v, Map<String, Models.Alias> aliases) {
        List<String> pointing = aliases.values().stream()
                .filter(a -> a.version() == v.version())
                .map(Models.Alias::alias)
                .sorted()
                .toList();
        return new VersionView(
                v.name(),
                v.version(),
                status(v.status()),
                v.statusReason(),
                v.format(),
                new VersionView.Checksummed(v.artifactSha256(), v.artifactSize()),
                v.tokenizerSha256() == null
                        ? null
                        : new VersionView.Checksummed(v.tokenizerSha256(), v.tokenizerSize()),
                v.signature(),
                v.config(),
                v.tagger(),
                v.metrics(),
                v.tags(),
                v.description(),
                new VersionView.Lineage(
                        v.lineage().source(),
                        v.lineage().trainingRun(),
                        v.lineage().datasetSha256(),
                        v.lineage().parentVersion()),
                pointing,
                v.createdBy(),
                v.createdAt());
    }

    static AliasChange change(io.openhire.modelregistry.models.AliasChange c) {
        return new AliasChange(
                c.id(),
                c.model(),
                c.alias(),
                c.version(),
                c.previousVersion(),
                c.action(),
                c.actor(),
                c.reason(),
                c.changedAt());
    }

    static Gate gate(RegisteredModel.Gate g) {
        return new Gate(g.metric(), g.min(), g.max(), g.atLeastChampion());
    }

    static RegisteredModel.Gate gate(Gate g) {
        return new RegisteredModel.Gate(g.metric(), g.min(), g.max(), g.atLeastChampion());
    }

    /** Without a default: a new status must be added to the client before it can be shown. */
    private static VersionView.Status status(ModelVersion.Status status) {
        return switch (status) {
            case PENDING -> VersionView.Status.PENDING;
            case READY -> VersionView.Status.READY;
            case FAILED -> VersionView.Status.FAILED;
        };
    }

    private static Map<String, ModelView.Alias> aliases(Map<String, Models.Alias> aliases) {
        Map<String, ModelView.Alias> views = new LinkedHashMap<>();
        aliases.forEach((name, a) ->
                views.put(name, new ModelView.Alias(a.alias(), a.version(), a.updatedBy(), a.updatedAt())));
        return views;
    }
}
