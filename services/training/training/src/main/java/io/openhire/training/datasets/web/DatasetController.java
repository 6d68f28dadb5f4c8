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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

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

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DatasetView> importFile(
            AuthenticatedUser user,
            @RequestPart(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String task,
            @RequestParam(required = false) String licence,
            @RequestParam(required = false) String source) {
        if (file == null) {
            throw ProblemException.invalidField("file", "a dataset file is required");
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Datasets.Imported imported =
                datasets.importFile(user.organizationId(), user.actor(), content, name, format, task, licence, source);
        DatasetView dataset = imported.dataset();
        return ResponseEntity.status(imported.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/train/data/" + dataset.id()))
                .body(dataset);
    }
}
