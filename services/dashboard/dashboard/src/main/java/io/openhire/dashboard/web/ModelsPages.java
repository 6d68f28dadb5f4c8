package io.openhire.dashboard.web;

import io.openhire.dashboard.api.ModelsApi;
import io.openhire.platform.web.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Models (admins): every model, one model's versions, aliases and alias history; promote and roll back. */
@Controller
class ModelsPages {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final ModelsApi models;

    ModelsPages(ModelsApi models) {
        this.models = models;
    }

    @ModelAttribute
    void adminsOnly() {
        PageModel.requireAdmin("Only an admin of the organisation manages models.");
    }

    @GetMapping("/models")
    String list(Model model) {
        model.addAttribute("models", models.models());
        return "models";
    }

    @GetMapping("/models/{name}")
    String model(@PathVariable String name, Model model) {
        show(name(name), model);
        return "model";
    }

    @PostMapping("/models/{name}/promote")
    String promote(
            @PathVariable String name,
            @RequestParam int version,
            @RequestParam(defaultValue = "champion") String alias,
            @RequestParam(required = false) String reason,
            Model model) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("action", "PROMOTE");
        action.put("name", name(name));
        action.put("version", version);
        action.put("alias", alias(alias));
        action.put("reason", reason == null || reason.isBlank() ? "promoted in the dashboard" : reason.strip());
        models.update(action);
        show(name, model);
        model.addAttribute("done", "Version " + version + " is now " + alias + ".");
        return "model :: detail";
    }

    @PostMapping("/models/{name}/rollback")
    String rollback(
            @PathVariable String name,
            @RequestParam(defaultValue = "champion") String alias,
            @RequestParam(required = false) String reason,
            Model model) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("action", "ROLLBACK");
        action.put("name", name(name));
        action.put("alias", alias(alias));
        action.put("reason", reason == null || reason.isBlank() ? "rolled back in the dashboard" : reason.strip());
        models.update(action);
        show(name, model);
        model.addAttribute("done", "Rolled " + alias + " back.");
        return "model :: detail";
    }

    private void show(String name, Model model) {
        model.addAttribute("model", models.model(name));
        model.addAttribute("history", Values.list(models.history(name, 50), "changes"));
    }

    private static String name(String name) {
        if (!NAME.matcher(name).matches()) {
            throw ProblemException.notFound("Model " + "with that name");
        }
        return name;
    }

    private static String alias(String alias) {
        if (!ALIAS.matcher(alias).matches()) {
            throw ProblemException.badRequest("alias", "An alias is a short lower-case word such as champion.");
        }
        return alias;
    }
}
