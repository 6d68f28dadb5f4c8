package io.openhire.communication.templates;

import io.openhire.communication.client.MessageKind;
import io.openhire.communication.client.TemplateRequest;
import io.openhire.communication.client.TemplateView;
import io.openhire.communication.events.Channel;
import io.openhire.platform.errors.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation's message templates, versioned: saving one adds a version; messages keep theirs. */
@Service
public class Templates {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");
    static final int MAX_EMAIL_BODY = 20_000;
    static final int MAX_SMS_BODY = 1_600;

    private final JdbcClient jdbc;
    private final Clock clock;

    Templates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<TemplateView> list(UUID org) {
        return jdbc.sql("""
                        SELECT DISTINCT ON (id) * FROM message_template WHERE organization_id = :org
                        ORDER BY id, version DESC
                        """).param("org", org).query(Templates::view).list().stream()
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
                .toList();
    }

    /** The latest version of the template, or 404 (another organisation's too). */
    public TemplateView latest(UUID org, UUID id) {
        return find(org, id).orElseThrow(() -> DomainException.notFound("The template"));
    }

    Optional<TemplateView> find(UUID org, UUID id) {
        return jdbc.sql("""
                        SELECT * FROM message_template WHERE organization_id = :org AND id = :id
                        ORDER BY version DESC LIMIT 1
                        """)
                .param("org", org)
                .param("id", id)
                .query(Templates::view)
                .optional();
    }

    @Transactional
    public TemplateView create(UUID org, TemplateRequest request, String actor) {
        return insert(org, UUID.randomUUID(), 1, checked(request), actor);
    }

    /** A new version; the template's channel stays what it was. */
    @Transactional
    public TemplateView update(UUID org, UUID id, TemplateRequest request, String actor) {
        TemplateView current = latest(org, id);
        TemplateRequest checked = checked(request);
        if (checked.channel() != current.channel()) {
            throw DomainException.invalidField("channel", "cannot change (it is " + current.channel() + ")");
        }
        return insert(org, id, current.version() + 1, checked, actor);
    }

    private TemplateView insert(UUID org, UUID id, int version, TemplateRequest t, String actor) {
        try {
            jdbc.sql("""
                            INSERT INTO message_template (id, version, organization_id, name, channel, language, kind,
                                subject, body, created_by, created_at)
                            VALUES (:id, :version, :org, :name, :channel, :language, :kind, :subject, :body, :actor, :now)
                            """)
                    .param("id", id)
                    .param("version", version)
                    .param("org", org)
                    .param("name", t.name().strip())
                    .param("channel", t.channel().name())
                    .param("language", t.language())
                    .param("kind", t.kind().name())
                    .param("subject", t.subject())
                    .param("body", t.body())
                    .param("actor", actor)
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw DomainException.conflict("template-changed", "The template was changed meanwhile; load it again");
        }
        return latest(org, id);
    }

    /** The request with its defaults, or a 400 naming what is wrong. */
    static TemplateRequest checked(TemplateRequest t) {
        if (t == null) {
            throw DomainException.invalid("validation", "A template is required");
        }
        if (t.name() == null || t.name().isBlank() || t.name().length() > 100) {
            throw DomainException.invalidField("name", "is required, at most 100 characters");
        }
        if (t.channel() == null || t.channel() == Channel.CALL) {
            throw DomainException.invalidField("channel", "must be EMAIL or SMS");
        }
        String language = t.language() == null ? "en" : t.language().strip();
        if (!LANGUAGE.matcher(language).matches()) {
            throw DomainException.invalidField("language", "must be a language tag such as en, de or pt-BR");
        }
        MessageKind kind = t.kind() == null ? MessageKind.TRANSACTIONAL : t.kind();
        String subject = t.subject();
        if (t.channel() == Channel.EMAIL) {
            checkSubject(subject);
        } else if (subject != null && !subject.isBlank()) {
            throw DomainException.invalidField("subject", "an SMS has no subject");
        } else {
            subject = null;
        }
        checkBody(t.channel(), t.body());
        TemplateText.check("subject", subject);
        TemplateText.check("body", t.body());
        return new TemplateRequest(t.name(), t.channel(), language, kind, subject, t.body());
    }

    /** An email subject: one line (a line break would let it write headers), 1–200 characters. */
    public static void checkSubject(String subject) {
        if (subject == null || subject.isBlank() || subject.length() > 200) {
            throw DomainException.invalidField("subject", "is required for an email, at most 200 characters");
        }
        if (subject.chars().anyMatch(c -> c == '\r' || c == '\n' || Character.isISOControl(c))) {
            throw DomainException.invalidField("subject", "must be one line");
        }
    }

    public static void checkBody(Channel channel, String body) {
        int max = channel == Channel.SMS ? MAX_SMS_BODY : MAX_EMAIL_BODY;
        if (body == null || body.isBlank() || body.length() > max) {
            throw DomainException.invalidField("body", "is required, at most " + max + " characters");
        }
    }

    private static TemplateView view(ResultSet rs, int row) throws SQLException {
        String subject = rs.getString("subject");
        String body = rs.getString("body");
        List<String> variables = new java.util.ArrayList<>(TemplateText.variables(subject));
        TemplateText.variables(body).stream()
                .filter(v -> !variables.contains(v))
                .forEach(variables::add);
        return new TemplateView(
                rs.getObject("id", UUID.class),
                rs.getInt("version"),
                rs.getString("name"),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("language"),
                MessageKind.valueOf(rs.getString("kind")),
                subject,
                body,
                List.copyOf(variables),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
