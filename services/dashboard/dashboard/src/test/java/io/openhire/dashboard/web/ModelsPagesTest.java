package io.openhire.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openhire.dashboard.signin.SignedInUser;
import io.openhire.modelregistry.client.AliasChange;
import io.openhire.modelregistry.client.AliasHistory;
import io.openhire.modelregistry.client.ModelRegistryApi;
import io.openhire.modelregistry.client.ModelSummary;
import io.openhire.modelregistry.client.ModelView;
import io.openhire.modelregistry.client.RegisterVersion;
import io.openhire.modelregistry.client.UpdateRequest;
import io.openhire.modelregistry.client.VersionView;
import io.openhire.platform.security.PlatformRoles;
import io.openhire.platform.web.ProblemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.ui.ExtendedModelMap;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Who may change the models everyone shares: a platform operator (a token role next to their role in the
 * organisation) sees promote and roll back and can use them; an organisation's admin reads, and is refused
 * before the registry is asked. (Identity signs in no operator yet, so this is tested here rather than in
 * DashboardIT, which covers the admin's side end to end.)
 */
class ModelsPagesTest {

    final RecordingRegistry registry = new RecordingRegistry();
    final ModelsPages pages = new ModelsPages(registry);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPlatformOperatorSeesTheControlsAndPromotesAndRollsBack() {
        signIn("ADMIN", PlatformRoles.OPERATOR);
        assertThat(pages.canChange()).isTrue();

        String html = detail(true);
        assertThat(html).contains("/models/text-embedding/promote", "/models/text-embedding/rollback");
        assertThat(html).doesNotContain("Platform operators manage models");

        pages.promote("text-embedding", 2, "champion", null, new ExtendedModelMap());
        pages.rollback("text-embedding", "champion", "worse on the benchmark", new ExtendedModelMap());
        assertThat(registry.updates)
                .extracting(UpdateRequest::action, UpdateRequest::alias)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PROMOTE", "champion"),
                        org.assertj.core.groups.Tuple.tuple("ROLLBACK", "champion"));
    }

    @Test
    void anAdminReadsTheModelsAndIsRefusedBeforeTheRegistryIsAsked() {
        signIn("ADMIN");
        assertThat(pages.canChange()).isFalse();

        String html = detail(false);
        assertThat(html).contains("Platform operators manage models", "champion", "v1");
        assertThat(html).doesNotContain("/promote").doesNotContain("/rollback");

        assertThatThrownBy(() -> pages.promote("text-embedding", 2, "champion", null, new ExtendedModelMap()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(e.getMessage()).contains("Only a platform operator");
                });
        assertThatThrownBy(() -> pages.rollback("text-embedding", "champion", null, new ExtendedModelMap()))
                .isInstanceOf(ProblemException.class);
        assertThat(registry.updates).isEmpty();
    }

    static void signIn(String... roles) {
        Jwt token = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject(UUID.randomUUID().toString())
                .claim("org", UUID.randomUUID().toString())
                .claim("roles", List.of(roles))
                .expiresAt(Instant.now().plusSeconds(600))
                .build();
        SignedInUser user = new SignedInUser(
                token,
                Arrays.stream(roles)
                        .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                        .toList(),
                "refresh",
                "Olga Operator",
                "Pages Ltd");
        SecurityContextHolder.getContext().setAuthentication(user);
    }

    /** The model page's detail part, rendered from the real template as the controller's model leaves it. */
    String detail(boolean canChange) {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("openhire/dashboard/templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        StaticApplicationContext beans = new StaticApplicationContext();
        beans.registerBean("labels", Labels.class);
        beans.refresh();
        ExtendedModelMap model = new ExtendedModelMap();
        pages.model("text-embedding", model);
        // A web context: the template's links (@{/models/...}) need a request to be relative to.
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/models/text-embedding");
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, new MockHttpServletResponse()));
        context.setVariables(model);
        context.setVariable("canChange", canChange);
        context.setVariable(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(beans, null));
        return engine.process("model", Set.of("detail"), context);
    }

    /** model-registry as the dashboard sees it: one model with a champion, and the alias moves it was sent. */
    static final class RecordingRegistry implements ModelRegistryApi {

        static final Instant FIRST_START = Instant.parse("2026-11-22T10:00:00Z");

        final List<UpdateRequest> updates = new ArrayList<>();

        @Override
        public List<ModelSummary> models() {
            return List.of(new ModelSummary(
                    "text-embedding", "text-embedding", "Sentence embeddings", Map.of("champion", 1), 2));
        }

        @Override
        public ModelView model(String name) {
            return new ModelView(
                    "text-embedding",
                    "text-embedding",
                    "Sentence embeddings",
                    List.of(),
                    Map.of("champion", new ModelView.Alias("champion", 1, "system", FIRST_START)),
                    List.of(version(2, List.of()), version(1, List.of("champion"))),
                    FIRST_START,
                    FIRST_START);
        }

        @Override
        public AliasHistory history(String name, int limit) {
            return new AliasHistory(
                    name,
                    null,
                    null,
                    null,
                    List.of(new AliasChange(
                            1, name, "champion", 1, null, "PROMOTE", "system", "first start", FIRST_START)));
        }

        @Override
        public byte[] artifact(String name, int version) {
            throw new UnsupportedOperationException("the pages never download artifacts");
        }

        @Override
        public VersionView register(RegisterVersion metadata, org.springframework.core.io.Resource artifact) {
            throw new UnsupportedOperationException("the pages never register versions");
        }

        @Override
        public AliasChange moveAlias(UpdateRequest request) {
            updates.add(request);
            return new AliasChange(
                    2,
                    request.name(),
                    request.alias(),
                    2,
                    1,
                    request.action(),
                    "user:olga",
                    request.reason(),
                    FIRST_START);
        }

        private static VersionView version(int version, List<String> aliases) {
            return new VersionView(
                    "text-embedding",
                    version,
                    VersionView.Status.READY,
                    null,
                    "onnx",
                    null,
                    null,
                    null,
                    null,
                    Map.of(),
                    Map.of(),
                    null,
                    null,
                    aliases,
                    "system",
                    FIRST_START.plus(java.time.Duration.ofDays(version - 1)));
        }
    }
}
