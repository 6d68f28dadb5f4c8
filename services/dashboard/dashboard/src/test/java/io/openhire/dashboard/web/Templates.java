package io.openhire.dashboard.web;

import java.util.Map;
import java.util.Set;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.Model;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/** Renders fragments of a page's real template with a controller's model, as the dashboard would (tests only). */
final class Templates {

    private Templates() {}

    /**
     * @param path the page's path, which the template's relative links ({@code @{/models/...}}) need a request for
     * @param extra variables the page's model advice adds (the person's rights)
     */
    static String render(String template, String path, Model model, Map<String, Object> extra, String... fragments) {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("openhire/dashboard/templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        StaticApplicationContext beans = new StaticApplicationContext();
        beans.registerBean("labels", Labels.class);
        beans.refresh();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, new MockHttpServletResponse()));
        context.setVariables(model.asMap());
        context.setVariables(extra);
        context.setVariable(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(beans, null));
        return engine.process(template, Set.of(fragments), context);
    }
}
