package io.openhire.modelregistry.models.web;

import io.openhire.modelregistry.ModelRegistryProperties;
import io.openhire.modelregistry.artifacts.ArtifactStore;
import io.openhire.modelregistry.artifacts.WorkDirectory;
import io.openhire.modelregistry.client.AliasHistory;
import io.openhire.modelregistry.client.ModelSummary;
import io.openhire.modelregistry.client.ModelView;
import io.openhire.modelregistry.client.RegisterVersion;
import io.openhire.modelregistry.client.UpdateRequest;
import io.openhire.modelregistry.client.VersionView;
import io.openhire.modelregistry.models.ModelRegistration;
import io.openhire.modelregistry.models.ModelVersion;
import io.openhire.modelregistry.models.Models;
import io.openhire.modelregistry.models.Promotions;
import io.openhire.modelregistry.models.RegisteredModel;
import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model registry's API. Models are platform-wide: they rank every organisation's candidates. So every
 * organisation's users may read them, but only a platform operator promotes, rolls back or sets gates, and
 * only an operator or a service (training) registers versions or downloads artifacts: an organisation's
 * ADMIN is anyone who signed up, and must not change what other organisations are served.
 */
@RestController
@RequestMapping("/api/v1/models")
class ModelController {

    private static final String READERS = "hasAnyRole('ADMIN', 'RECRUITER', 'CLIENT', 'SERVICE', 'PLATFORM_OPERATOR')";
    /** Artifacts are platform assets: model-serving and matching fetch them with service tokens. */
    private static final String PLATFORM = "hasAnyRole('PLATFORM_OPERATOR', 'SERVICE')";

    private final Models models;
    private final ModelRegistration registration;
    private final Promotions promotions;
    private final ArtifactStore artifacts;
    private final ModelRegistryProperties properties;
    private final JsonMapper json;

    ModelController(
            Models models,
            ModelRegistration registration,
            Promotions promotions,
            ArtifactStore artifacts,
            ModelRegistryProperties properties,
            JsonMapper json) {
        this.models = models;
        this.registration = registration;
        this.promotions = promotions;
        this.artifacts = artifacts;
        this.properties = properties;
        this.json = json;
    }

    // Answers and requests are model-registry-client's records (ModelViews maps to them), except the
    // SET_GATES answer (the model with its gates). A registration's metadata part is read as RegisterVersion.

    @GetMapping("/registered")
    @PreAuthorize(READERS)
    List<ModelSummary> registered() {
        return models.all().stream()
                .map(m -> {
                    Map<String, Integer> aliases = new java.util.TreeMap<>();
                    models.aliases(m.name()).forEach((alias, a) -> aliases.put(alias, a.version()));
                    List<ModelVersion> versions = models.versions(m.name());
                    return new ModelSummary(
                            m.name(),
                            m.task(),
                            m.description(),
                            aliases,
                            versions.isEmpty() ? null : versions.getFirst().version());
                })
                .toList();
    }

    @GetMapping("/{name}")
    @PreAuthorize(READERS)
    ModelView model(@PathVariable String name) {
        RegisteredModel model = find(name);
        return ModelViews.model(model, models.aliases(name), models.versions(name));
    }

    @GetMapping("/{name}/versions/{version}")
    @PreAuthorize(READERS)
    VersionView version(@PathVariable String name, @PathVariable int version) {
        find(name);
        return ModelViews.version(findVersion(name, version), models.aliases(name));
    }

    /** The alias history, newest first; with {@code at}, also which version each alias held at that instant. */
    @GetMapping("/{name}/history")
    @PreAuthorize(READERS)
    AliasHistory history(
            @PathVariable String name,
            @RequestParam(required = false) String alias,
            @RequestParam(required = false) String at,
            @RequestParam(defaultValue = "100") int limit) {
        find(name);
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalidField("limit", "1 to 1000");
        }
        Instant instant = null;
        if (at != null) {
            try {
                instant = Instant.parse(at);
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidField("at", "an ISO-8601 instant such as 2026-03-03T12:00:00Z");
            }
        }
        return new AliasHistory(
                name,
                alias,
                instant,
                instant == null ? null : models.aliasesAt(name, instant),
                models.history(name, alias, limit).stream()
                        .map(ModelViews::change)
                        .toList());
    }

    /** The artifact's bytes, streamed part by part; the SHA-256 in the headers lets the reader verify them. */
    @GetMapping("/{name}/versions/{version}/artifact")
    @PreAuthorize(PLATFORM)
    void artifact(@PathVariable String name, @PathVariable int version, HttpServletResponse response)
            throws IOException {
        ModelVersion v = readyVersion(name, version);
        response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
        response.setContentLengthLong(v.artifactSize());
        response.setHeader(HttpHeaders.ETAG, "\"" + v.artifactSha256() + "\"");
        response.setHeader("X-Checksum-SHA256", v.artifactSha256());
        // A damaged artifact stops the transfer midway: closing the connection makes that an immediate
        // end-of-stream for the reader instead of a wait for bytes that will never come.
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + name + "-" + version + "." + v.format() + "\"");
        artifacts.copyArtifact(name, version, v.artifactSize(), v.partSize(), response.getOutputStream());
    }

    @GetMapping("/{name}/versions/{version}/tokenizer")
    @PreAuthorize(PLATFORM)
    ResponseEntity<byte[]> tokenizer(@PathVariable String name, @PathVariable int version) {
        ModelVersion v = readyVersion(name, version);
        if (v.tokenizerSha256() == null) {
            throw ProblemException.notFound("A tokenizer for version " + version + " of " + name);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Checksum-SHA256", v.tokenizerSha256())
                .body(artifacts.tokenizer(name, version));
    }

    @PostMapping(path = "/update", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('PLATFORM_OPERATOR')")
    Object update(AuthenticatedUser caller, @RequestBody UpdateRequest request) {
        String action = request.action() == null ? "" : request.action();
        if (request.name() == null) {
            throw ProblemException.invalidField("name", "required");
        }
        find(request.name());
        String reason = request.reason();
        if (reason != null && reason.length() > 1000) {
            throw ProblemException.invalidField("reason", "at most 1000 characters");
        }
        return switch (action) {
            case "PROMOTE" -> {
                if (request.version() == null) {
                    throw ProblemException.invalidField("version", "required to promote");
                }
                yield ModelViews.change(promotions.promote(
                        request.name(), request.version(), aliasOrChampion(request), reason, actor(caller)));
            }
            case "ROLLBACK" ->
                ModelViews.change(promotions.rollback(request.name(), aliasOrChampion(request), reason, actor(caller)));
            case "SET_GATES" -> {
                if (request.gates() == null) {
                    throw ProblemException.invalidField("gates", "required (an empty list removes all gates)");
                }
                yield promotions.setGates(
                        request.name(),
                        request.gates().stream().map(ModelViews::gate).toList());
            }
            default ->
                throw ProblemException.invalidField(
                        "action",
                        "PROMOTE, ROLLBACK or SET_GATES (register a version with a multipart request:"
                                + " metadata, artifact, tokenizer)");
        };
    }

    /**
     * Registers a new version: parts {@code metadata} (JSON, a {@link RegisterVersion}; as a file or a plain
     * field, of any content type: {@code application/json} is what {@code ModelRegistryApi.register} sends),
     * {@code artifact}, {@code tokenizer}. The files are taken as parts, so that one sent without a file name
     * (a resource without one, from an HTTP interface client) is accepted too.
     */
    @PostMapping(path = "/update", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(PLATFORM)
    ResponseEntity<VersionView> register(
            AuthenticatedUser caller,
            @RequestPart("metadata") String metadata,
            @RequestPart("artifact") Part artifact,
            @RequestPart(value = "tokenizer", required = false) Part tokenizer) {
        RegisterVersion request;
        try {
            request = json.readValue(metadata, RegisterVersion.class);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest(
                    "invalid-metadata", "The metadata part must be a JSON object (RegisterVersion).");
        }
        if (request == null) {
            throw ProblemException.badRequest("invalid-metadata", "The metadata part must be a JSON object.");
        }
        if (artifact.getSize() == 0) {
            throw ProblemException.invalidField("artifact", "is empty");
        }
        try (WorkDirectory dir = new WorkDirectory(properties.workDir(), "upload-")) {
            Path artifactFile = spool(artifact, dir.resolve("artifact"));
            Path tokenizerFile = null;
            if (tokenizer != null && tokenizer.getSize() > 0) {
                tokenizerFile = spool(tokenizer, dir.resolve("tokenizer.json"));
            }
            ModelVersion v = registration.register(request, artifactFile, tokenizerFile, actor(caller));
            return ResponseEntity.created(URI.create("/api/v1/models/" + v.name() + "/versions/" + v.version()))
                    .body(ModelViews.version(v, models.aliases(v.name())));
        }
    }

    private static Path spool(Part part, Path file) {
        try (InputStream in = part.getInputStream()) {
            Files.copy(in, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String actor(AuthenticatedUser caller) {
        return caller.actor();
    }

    private static String aliasOrChampion(UpdateRequest request) {
        return request.alias() == null ? Promotions.CHAMPION : request.alias();
    }

    private RegisteredModel find(String name) {
        if (name == null || !ModelRegistration.NAME.matcher(name).matches()) {
            throw ProblemException.notFound("The model"); // not a model name: not echoed back
        }
        return models.find(name).orElseThrow(() -> ProblemException.notFound("Model " + name));
    }

    private ModelVersion findVersion(String name, int version) {
        return models.version(name, version)
                .orElseThrow(() -> ProblemException.notFound("Version " + version + " of model " + name));
    }

    private ModelVersion readyVersion(String name, int version) {
        find(name);
        ModelVersion v = findVersion(name, version);
        if (v.status() != ModelVersion.Status.READY) {
            throw ProblemException.conflict("version-not-ready", "Version " + version + " is " + v.status() + ".");
        }
        return v;
    }
}
