package io.openhire.monitoring.traces;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reads an OTLP export into the spans kept ({@link Spans}) and stores them. */
@Service
public class TraceIngest {

    private final TraceStore store;

    TraceIngest(TraceStore store) {
        this.store = store;
    }

    /** @return how many spans were stored */
    public int accept(ExportTraceServiceRequest export) {
        List<Spans.StoredSpan> spans = Spans.read(export);
        if (!spans.isEmpty()) {
            store.save(spans);
        }
        return spans.size();
    }
}
