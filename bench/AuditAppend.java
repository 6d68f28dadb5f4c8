import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The audit service's append rate and the chain's verification time on a running platform: N entries for the
 * signed-in admin's organisation, sent to Kafka as services' outboxes send them, timed until the organisation's
 * log holds them all; then GET /api/v1/logs/verify timed. See audit-append.sh.
 */
public class AuditAppend {
    public static void main(String[] args) throws Exception {
        String kafka = args[0];
        String api = args[1];
        String token = args[2];
        int n = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newHttpClient();
        String me = get(http, api + "/api/v1/users/profile", token);
        String org = field(field(me, "organization", true), "id", false);
        String user = field(me, "id", false);
        long before = position(http, api, token);
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka, "linger.ms", "5"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < n; i++) {
                String json = """
                        {"entryId":"%s","organizationId":"%s","actor":"user:%s","action":"bench.read","resourceType":"resume",\
                        "resourceId":"%s","result":"SUCCESS","ip":"203.0.113.9","requestId":"bench-%d","service":"bench",\
                        "occurredAt":"%s"}""".formatted(UUID.randomUUID(), org, user, UUID.randomUUID(), i, Instant.now());
                ProducerRecord<String, String> record = new ProducerRecord<>("audit.recorded.v1", org, json);
                record.headers().add("event-id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
        }
        long sent = System.nanoTime();
        while (position(http, api, token) < before + n) {
            Thread.sleep(50);
        }
        long appended = System.nanoTime();
        long t0 = System.nanoTime();
        String verification = get(http, api + "/api/v1/logs/verify", token);
        long t1 = System.nanoTime();
        System.out.printf("%d entries: sent in %.2f s; all appended %.2f s after the first was sent = %.0f entries/s%n",
                n, (sent - start) / 1e9, (appended - start) / 1e9, n / ((appended - start) / 1e9));
        System.out.printf("verify: %.0f ms → %s%n", (t1 - t0) / 1e6, verification);
    }

    static long position(HttpClient http, String api, String token) throws Exception {
        String page = get(http, api + "/api/v1/logs?limit=1", token);
        int i = page.indexOf("\"position\":");
        return i < 0 ? 0 : Long.parseLong(page.substring(i + 11, page.indexOf(',', i)).strip());
    }

    static String get(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** A string field's value, or (object) the text from the field's '{' on. */
    static String field(String json, String name, boolean object) {
        int i = json.indexOf("\"" + name + "\":");
        String rest = json.substring(i + name.length() + 3).strip();
        if (object) {
            return rest;
        }
        return rest.substring(1, rest.indexOf('"', 1));
    }
}
