package io.openhire.jobingestion.sources;

import io.openhire.jobingestion.JobIngestionConfiguration.SourceCredentials;
import io.openhire.jobingestion.JobIngestionProperties;
import io.openhire.jobingestion.connectors.Connector;
import io.openhire.jobingestion.connectors.SourceKind;
import io.openhire.platform.errors.DomainException;
import io.openhire.platform.http.PublicHosts;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Creating, checking and removing an organisation's job sources. */
@Service
public class SourceService {

    static final int MIN_SCHEDULE_MINUTES = 5;
    static final int MAX_SCHEDULE_MINUTES = 7 * 24 * 60;
    private static final Pattern BOARD = Pattern.compile("^[A-Za-z0-9_.-]{1,100}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private final JobSources sources;
    private final SourceCredentials credentials;
    private final JobIngestionProperties properties;
    private final Clock clock;

    SourceService(JobSources sources, SourceCredentials credentials, JobIngestionProperties properties, Clock clock) {
        this.sources = sources;
        this.credentials = credentials;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a user asks for; checked field by field. */
    public record NewSource(
            String name,
            String kind,
            String board,
            String url,
            String employer,
            Integer scheduleMinutes,
            String apiKey,
            String apiEmail) {}

    public JobSource create(UUID organizationId, String createdBy, NewSource request) {
        String name = required("name", request.name(), 100);
        SourceKind kind = kind(request.kind());
        String board = request.board() == null || request.board().isBlank()
                ? null
                : request.board().strip();
        if (kind.needsBoard() && (board == null || !BOARD.matcher(board).matches())) {
            throw DomainException.invalidField(
                    "board",
                    kind == SourceKind.GREENHOUSE
                            ? "the Greenhouse board token (letters, digits, '-', '_' or '.')"
                            : "the Lever site name (letters, digits, '-', '_' or '.')");
        }
        if (board != null && board.length() > 100) {
            throw DomainException.invalidField("board", "at most 100 characters");
        }
        String url = request.url() == null || request.url().isBlank()
                ? kind.defaultUrl()
                : request.url().strip();
        if (url == null) {
            throw DomainException.invalidField(
                    "url", kind == SourceKind.FEED ? "the feed's address" : "the career page's address");
        }
        URI uri = checkedUrl(url);
        String employer = request.employer() == null || request.employer().isBlank()
                ? null
                : request.employer().strip();
        if (employer != null && employer.length() > 200) {
            throw DomainException.invalidField("employer", "at most 200 characters");
        }
        Integer schedule = request.scheduleMinutes();
        if (schedule != null && (schedule < MIN_SCHEDULE_MINUTES || schedule > MAX_SCHEDULE_MINUTES)) {
            throw DomainException.invalidField(
                    "scheduleMinutes",
                    "between " + MIN_SCHEDULE_MINUTES + " and " + MAX_SCHEDULE_MINUTES + " minutes, or absent");
        }
        byte[] sealed = null;
        String apiUser = null;
        UUID id = UUID.randomUUID();
        if (kind == SourceKind.USAJOBS) {
            String key = required("apiKey", request.apiKey(), 200);
            apiUser = required("apiEmail", request.apiEmail(), 254);
            if (!EMAIL.matcher(apiUser).matches()) {
                throw DomainException.invalidField("apiEmail", "the email the API key was issued to");
            }
            sealed = credentials.cipher().seal(key.getBytes(StandardCharsets.UTF_8), id.toString());
        }
        Instant now = clock.instant();
        JobSource source = new JobSource(
                id,
                organizationId,
                name,
                kind,
                board,
                uri.toString(),
                employer,
                sealed,
                apiUser,
                schedule,
                schedule == null ? null : now,
                createdBy,
                now,
                null,
                null,
                null,
                null);
        try {
            sources.insert(source);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("source-name-taken", "The organisation already has a source named " + name);
        }
        return source;
    }

    public void delete(UUID organizationId, UUID id) {
        if (!sources.delete(organizationId, id)) {
            throw DomainException.notFound("Source " + id);
        }
    }

    /** What the source's connector needs, with its API key unsealed. */
    public Connector.Target target(JobSource source) {
        String apiKey = source.credentialsSealed() == null
                ? null
                : new String(
                        credentials
                                .cipher()
                                .open(source.credentialsSealed(), source.id().toString()),
                        StandardCharsets.UTF_8);
        return new Connector.Target(
                source.kind(),
                URI.create(source.url()),
                source.board(),
                source.employer(),
                apiKey,
                source.credentialsUser());
    }

    private URI checkedUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("url", "not a valid address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (url.length() > 2000 || (!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
            throw DomainException.invalidField("url", "an absolute http or https address");
        }
        if (!properties.allowPrivateHosts() && PublicHosts.check(uri.getHost()) == PublicHosts.Verdict.PRIVATE) {
            throw new DomainException(
                    DomainException.Category.UNPROCESSABLE,
                    "source-host-not-allowed",
                    "Source host not allowed",
                    "A source must be on the internet, not a local or private address.");
        }
        return uri;
    }

    private static SourceKind kind(String kind) {
        try {
            return SourceKind.valueOf(String.valueOf(kind).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("kind", "one of " + Arrays.toString(SourceKind.values()));
        }
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalidField(field, "required");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw DomainException.invalidField(field, "at most " + max + " characters");
        }
        return v;
    }
}
