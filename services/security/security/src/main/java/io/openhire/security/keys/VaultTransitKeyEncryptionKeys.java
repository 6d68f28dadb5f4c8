package io.openhire.security.keys;

import io.openhire.security.KeysProperties;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The key-encryption key in HashiCorp Vault's transit secrets engine (distributed mode): the key never leaves Vault;
 * data keys are sent to it to be wrapped and unwrapped. As documented (api-docs/secret/transit):
 *
 * <ul>
 *   <li>{@code POST /v1/transit/encrypt/:name} {@code {plaintext, context}} → {@code {data: {ciphertext:
 *       "vault:v1:..."}}}
 *   <li>{@code POST /v1/transit/decrypt/:name} {@code {ciphertext, context}} → {@code {data: {plaintext}}}
 *   <li>{@code POST /v1/transit/rewrap/:name} {@code {ciphertext, context}} → {@code {data: {ciphertext}}} under the
 *       latest version, without the plaintext leaving Vault
 *   <li>{@code POST /v1/transit/keys/:name/rotate}; {@code GET /v1/transit/keys/:name} → {@code {data:
 *       {latest_version}}}
 * </ul>
 *
 * Plaintext and context are base64; the token goes in {@code X-Vault-Token}; errors are {@code {"errors": [...]}}
 * with a 4xx or 5xx status. The context (organisation and version) is sent on every call: with a key created with
 * {@code derived=true} Vault derives one key per organisation from it; an ordinary key ignores it. The id of a wrap is
 * {@code vault:<key>:v<version>} from the ciphertext's prefix.
 */
public final class VaultTransitKeyEncryptionKeys implements KeyEncryptionKeys {

    private static final Pattern VERSION = Pattern.compile("^vault:v(\\d{1,9}):");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    private static final Pattern MOUNT = Pattern.compile("[A-Za-z0-9_.-]{1,64}(/[A-Za-z0-9_.-]{1,64}){0,4}");
    private static final int MAX_ERROR_TEXT = 300;

    private final RestClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String keyName;
    private final String path;

    public VaultTransitKeyEncryptionKeys(RestClient.Builder builder, KeysProperties.Vault settings) {
        if (settings.url() == null || settings.url().isBlank()) {
            throw new IllegalStateException(
                    "openhire.keys.vault.url is not set (Vault's address, e.g. https://vault:8200)");
        }
        if (settings.token() == null || settings.token().isBlank()) {
            throw new IllegalStateException("openhire.keys.vault.token is not set");
        }
        if (!NAME.matcher(settings.keyName()).matches()) {
            throw new IllegalStateException("openhire.keys.vault.key-name: letters, digits, '_', '.' or '-'");
        }
        if (!MOUNT.matcher(settings.mount()).matches()) {
            throw new IllegalStateException("openhire.keys.vault.mount: a path such as 'transit'");
        }
        this.keyName = settings.keyName();
        this.path = "/v1/" + settings.mount();
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.http = builder.clone()
                .baseUrl(settings.url().strip().replaceAll("/+$", ""))
                .defaultHeader("X-Vault-Token", settings.token().strip())
                .requestFactory(requests)
                .build();
    }

    @Override
    public Wrapped wrap(byte[] dataKey, String associated) {
        JsonNode data = post(
                "encrypt",
                path + "/encrypt/" + keyName,
                Map.of("plaintext", base64(dataKey), "context", base64(associated.getBytes(StandardCharsets.UTF_8))));
        return wrapped("encrypt", data);
    }

    @Override
    public byte[] unwrap(Wrapped wrapped, String associated) {
        JsonNode data = post(
                "decrypt",
                path + "/decrypt/" + keyName,
                Map.of(
                        "ciphertext",
                        new String(wrapped.bytes(), StandardCharsets.UTF_8),
                        "context",
                        base64(associated.getBytes(StandardCharsets.UTF_8))));
        JsonNode plaintext = data.path("plaintext");
        if (!plaintext.isString()) {
            throw KeyServiceUnavailable.because("Vault transit decrypt answered without data.plaintext");
        }
        try {
            return Base64.getDecoder().decode(plaintext.asString());
        } catch (IllegalArgumentException e) {
            throw KeyServiceUnavailable.because("Vault transit decrypt answered a plaintext that is not base64");
        }
    }

    /** Vault's own re-wrap: the data key is never out of Vault on the way. */
    @Override
    public Wrapped rewrap(Wrapped wrapped, String associated) {
        JsonNode data = post(
                "rewrap",
                path + "/rewrap/" + keyName,
                Map.of(
                        "ciphertext",
                        new String(wrapped.bytes(), StandardCharsets.UTF_8),
                        "context",
                        base64(associated.getBytes(StandardCharsets.UTF_8))));
        return wrapped("rewrap", data);
    }

    @Override
    public String currentId() {
        JsonNode latest = call(
                        "read key",
                        () -> http.get()
                                .uri(path + "/keys/" + keyName)
                                .retrieve()
                                .body(String.class))
                .path("latest_version");
        if (!latest.canConvertToInt() || latest.asInt() < 1) {
            throw KeyServiceUnavailable.because(
                    "Vault transit key " + keyName + " answered without data.latest_version");
        }
        return id(latest.asInt());
    }

    /** A new version of the transit key: new wraps use it, older versions still unwrap. */
    @Override
    public String rotate() {
        call(
                "rotate key",
                () -> http.post()
                        .uri(path + "/keys/" + keyName + "/rotate")
                        .retrieve()
                        .body(String.class));
        return currentId();
    }

    private Wrapped wrapped(String operation, JsonNode data) {
        JsonNode ciphertext = data.path("ciphertext");
        Matcher version = ciphertext.isString() ? VERSION.matcher(ciphertext.asString()) : null;
        if (version == null || !version.find()) {
            throw KeyServiceUnavailable.because(
                    "Vault transit " + operation + " answered without a vault:v<n>: data.ciphertext");
        }
        return new Wrapped(
                id(Integer.parseInt(version.group(1))), ciphertext.asString().getBytes(StandardCharsets.UTF_8));
    }

    private String id(int version) {
        return "vault:" + keyName + ":v" + version;
    }

    private JsonNode post(String operation, String uri, Map<String, String> body) {
        return call(
                operation,
                () -> http.post()
                        .uri(uri)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(body)
                        .retrieve()
                        .body(String.class));
    }

    /** Runs one request; answers its {@code data}, or throws with Vault's {@code errors} (for the log only). */
    private JsonNode call(String operation, java.util.function.Supplier<String> request) {
        String body;
        try {
            body = request.get();
        } catch (RestClientResponseException e) {
            throw KeyServiceUnavailable.because("Vault transit " + operation + " answered "
                    + e.getStatusCode().value() + ": " + errors(e.getResponseBodyAsString()));
        } catch (ResourceAccessException e) {
            throw KeyServiceUnavailable.because("Vault could not be reached for " + operation + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body).path("data");
        } catch (JacksonException e) {
            throw KeyServiceUnavailable.because("Vault transit " + operation + " answered something that is not JSON");
        }
    }

    /** Vault's {@code {"errors": ["..."]}}, shortened; what the body holds when it is not that shape is not repeated. */
    static String errors(String body) {
        List<String> errors = new ArrayList<>();
        try {
            for (JsonNode error : JsonMapper.builder().build().readTree(body).path("errors")) {
                errors.add(error.asString().replaceAll("\\s+", " ").strip()); // one log line
            }
        } catch (JacksonException | IllegalArgumentException e) {
            return "(no Vault error list)";
        }
        String text = errors.isEmpty() ? "(no Vault error list)" : String.join("; ", errors);
        return text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) + "…" : text;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
