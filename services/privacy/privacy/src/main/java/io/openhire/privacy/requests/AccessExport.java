package io.openhire.privacy.requests;

import io.openhire.privacy.client.DataSubjectRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A completed access request as the person receives it: {@code data.json} (the request and, per service, what it
 * holds of them) and {@code files/<service>/<name>} (their files as the services keep them: resume originals).
 */
@Component
public class AccessExport {

    private final DataSubjectRequests requests;
    private final JsonMapper json;

    AccessExport(DataSubjectRequests requests, JsonMapper json) {
        this.requests = requests;
        this.json = json;
    }

    public byte[] zip(UUID organizationId, DataSubjectRequest request) {
        Map<String, byte[]> parts = requests.exportParts(organizationId, request.id());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(
                "request",
                Map.of(
                        "id", request.id(),
                        "type", request.type(),
                        "receivedAt", request.receivedAt().toString(),
                        "completedAt", String.valueOf(request.completedAt())));
        Map<String, Object> services = new LinkedHashMap<>();
        // Two services may send one file (resume-ingestion and resume-processing both the original): one copy.
        java.util.Set<String> written = new java.util.HashSet<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var part : parts.entrySet()) {
                JsonNode answer = json.readTree(part.getValue());
                services.put(part.getKey(), answer.path("data"));
                int n = 0;
                for (JsonNode file : answer.path("files")) {
                    byte[] content = file.path("content").binaryValue();
                    if (!written.add(io.openhire.platform.crypto.Sha256.hex(content))) {
                        continue;
                    }
                    n++;
                    String name = safeName(file.path("name").asString("file-" + n));
                    zip.putNextEntry(new ZipEntry("files/" + part.getKey() + "/" + n + "-" + name));
                    zip.write(content);
                    zip.closeEntry();
                }
            }
            data.put("services", services);
            zip.putNextEntry(new ZipEntry("data.json"));
            zip.write(json.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(data));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A file name that stays inside its folder in the zip: no path, no control characters. */
    static String safeName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}]", "")
                .strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            return "file";
        }
        return base.length() > 100 ? base.substring(base.length() - 100) : base;
    }
}
