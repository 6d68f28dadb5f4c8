package io.openhire.training.datasets.web;

import io.openhire.platform.security.AuthenticatedUser;
import io.openhire.platform.web.ProblemException;
import io.openhire.training.client.DatasetView;
import io.openhire.training.datasets.Datasets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Training data. The models trained on it serve every organisation, so only a platform operator imports or
 * reads datasets (an organisation's ADMIN is anyone who signed up).
 */
@RestController
@RequestMapping("/api/v1/train/data")
@PreAuthorize("hasRole('PLATFORM_OPERATOR')")
class DatasetController {

    private final Datasets datasets;

    DatasetController(Datasets datasets) {
        this.datasets = datasets;
    }

    @GetMapping
    List<DatasetView> list() {
        return datasets.list();
    }

    /**
     * Takes the multipart request whole and reads its parts in the method, after the role check: a part the
     * framework could not bind (a text field sent as a file) must not answer a non-operator with a 400 before it
     * is told 403.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DatasetView> importFile(AuthenticatedUser user, MultipartHttpServletRequest request) {
        MultipartFile file = request.getFile("file");
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalidField("file", "a dataset file is required");
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Datasets.Imported imported = datasets.importFile(
                user.organizationId(),
                user.actor(),
                content,
                field(request, "name"),
                field(request, "format"),
                field(request, "task"),
                field(request, "licence"),
                field(request, "source"));
        DatasetView dataset = imported.dataset();
        return ResponseEntity.status(imported.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/train/data/" + dataset.id()))
                .body(dataset);
    }

    /** A text field: a form field, or a small part sent as a file (what some clients do with every part). */
    private static String field(MultipartHttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value != null) {
            return value;
        }
        MultipartFile part = request.getFile(name);
        if (part == null || part.getSize() > 4096) {
            return null;
        }
        try {
            return new String(part.getBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
