package io.openhire.resumeingestion.intake;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PutExchange;

/** The parts of storage's document API that resume-ingestion uses (originals in the "resumes" bucket). */
public interface StorageApi {

    String BUCKET = "resumes";

    @PutExchange("/api/v1/data/resumes/{key}")
    void put(@PathVariable String key, @RequestHeader("Content-Type") String mediaType, @RequestBody byte[] bytes);

    @GetExchange("/api/v1/data/resumes/{key}")
    ResponseEntity<byte[]> get(@PathVariable String key);

    @DeleteExchange("/api/v1/data/resumes/{key}")
    void delete(@PathVariable String key);
}
