package io.openhire.monitoring.traces.web;

import io.openhire.monitoring.MonitoringProperties;
import io.openhire.monitoring.traces.TraceIngest;
import io.openhire.platform.errors.DomainException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/traces}: an OTLP/HTTP receiver (binary protobuf, as Spring Boot's exporter sends), so that in the
 * all-in-one every service's spans come here with the same exporter that sends them to Jaeger in distributed mode.
 * An exporter has no token: the endpoint answers only {@code openhire.monitoring.otlp-allowed-networks} (loopback),
 * and the gateway does not route it.
 */
@RestController
class TraceReceiver {

    static final String PROTOBUF = "application/x-protobuf";

    private final TraceIngest ingest;
    private final List<IpAddressMatcher> allowed;

    TraceReceiver(TraceIngest ingest, MonitoringProperties properties) {
        this.ingest = ingest;
        this.allowed = properties.otlpAllowedNetworks().stream()
                .map(IpAddressMatcher::new)
                .toList();
    }

    @PostMapping(path = "/v1/traces", consumes = PROTOBUF, produces = PROTOBUF)
    byte[] export(HttpServletRequest request, @RequestBody byte[] body) {
        if (allowed.stream().noneMatch(network -> network.matches(request.getRemoteAddr()))) {
            throw DomainException.notPermitted("Spans are accepted from the platform's own network only.");
        }
        ExportTraceServiceRequest export;
        try {
            export = ExportTraceServiceRequest.parseFrom(body);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw DomainException.invalid("malformed-otlp", "The body is not an OTLP trace export (protobuf).");
        }
        ingest.accept(export);
        return ExportTraceServiceResponse.getDefaultInstance().toByteArray();
    }
}
