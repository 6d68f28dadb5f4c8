package io.openhire.dashboard.web;

import io.openhire.dashboard.api.ApiProblem;
import io.openhire.dashboard.signin.SignedInUser;
import io.openhire.modelregistry.client.AliasChange;
import io.openhire.modelregistry.client.Gate;
import io.openhire.modelregistry.client.ModelRegistryApi;
import io.openhire.modelregistry.client.ModelView;
import io.openhire.modelregistry.client.UpdateRequest;
import io.openhire.platform.web.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;

/**
 * Models: every model, one model's versions, aliases and alias history, for admins and platform operators
 * (see {@code SignInSecurity}). The models are shared by every organisation, so only a platform operator
 * promotes and rolls back (model-registry refuses anyone else too); an admin reads. A token-classification
 * model's page also has a "Training" section for a platform operator ({@link TrainingPages}); for anyone
 * else training is never asked.
 */
@Controller
class ModelsPages {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    static final String OPERATORS_ONLY =
            "Only a platform operator promotes or rolls back models: every organisation uses the same ones.";

    private final ModelRegistryApi models;
    private final ModelTraining training;
    private final People people;

    ModelsPages(ModelRegistryApi models, ModelTraining training, People people) {
        this.models = models;
        this.training = training;
        this.people = people;
    }

    /** Whether the page offers promote and roll back (and training). */
    @ModelAttribute("canChange")
    boolean canChange() {
        return operator();
    }

    /** The signed-in person is a platform operator. */
    static boolean operator() {
        SignedInUser me = PageModel.signedIn();
        return me != null && me.isOperator();
    }

    @GetMapping("/models")
    String list(Model model) {
        model.addAttribute("models", models.models());
        return "models";
    }

    @GetMapping("/models/{name}")
    String model(@PathVariable String name, Model model) {
        String checked = name(name);
        ModelView shown = show(checked, model);
        if (operator() && ModelTraining.trainable(shown)) {
            ModelTraining.Section section = training.section(shown);
            model.addAttribute("training", section);
            model.addAttribute("upload", TrainingPages.UploadForm.empty(section));
            model.addAttribute("train", TrainingPages.TrainForm.DEFAULT);
        }
        return "model";
    }

    @PostMapping("/models/{name}/promote")
    String promote(
            @PathVariable String name,
            @RequestParam int version,
            @RequestParam(defaultValue = "champion") String alias,
            @RequestParam(required = false) String reason,
            Model model) {
        requireOperator();
        String checked = name(name);
        try {
            models.moveAlias(UpdateRequest.promote(
                    checked,
                    version,
                    alias(alias),
                    reason == null || reason.isBlank() ? "promoted in the dashboard" : reason.strip()));
            model.addAttribute("done", "Version " + version + " is now " + alias + ".");
        } catch (RestClientResponseException refused) {
            refused(refused, model);
        }
        return detailAgain(checked, model);
    }

    @PostMapping("/models/{name}/rollback")
    String rollback(
            @PathVariable String name,
            @RequestParam(defaultValue = "champion") String alias,
            @RequestParam(required = false) String reason,
            Model model) {
        requireOperator();
        String checked = name(name);
        try {
            AliasChange change = models.moveAlias(UpdateRequest.rollback(
                    checked,
                    alias(alias),
                    reason == null || reason.isBlank() ? "rolled back in the dashboard" : reason.strip()));
            model.addAttribute("done", "Rolled " + alias + " back to version " + change.version() + ".");
        } catch (RestClientResponseException refused) {
            refused(refused, model);
        }
        return detailAgain(checked, model);
    }

    /**
     * The registry's refusal (already there, nothing to go back to, a promotion gate and its failures) as a
     * message above the model's part, which stays as it is.
     */
    private static void refused(RestClientResponseException refused, Model model) {
        model.addAttribute("refused", ApiProblem.message(refused));
        model.addAttribute("failures", ApiProblem.strings(refused, "failures"));
    }

    /**
     * The model's part again after a promote or roll back; on a trainable model the training jobs come along
     * (out of band), so a finished job's promote buttons follow the aliases.
     */
    private String detailAgain(String name, Model model) {
        ModelView shown = show(name, model);
        if (ModelTraining.trainable(shown)) {
            model.addAttribute("training", training.section(shown));
            model.addAttribute("jobsOutOfBand", true);
        }
        return "model :: detail-update";
    }

    /** Refused here, before the registry is asked: the person gets the sentence, the registry no request. */
    private void requireOperator() {
        if (!canChange()) {
            throw ProblemException.forbidden(OPERATORS_ONLY);
        }
    }

    private ModelView show(String name, Model model) {
        return show(models, people, name, model);
    }

    /** The model's part of the page: aliases (with where a roll back goes), versions, gates, history. */
    static ModelView show(ModelRegistryApi models, People people, String name, Model model) {
        ModelView shown = models.model(name);
        List<AliasChange> history = models.history(name, 50).changes();
        model.addAttribute("model", shown);
        model.addAttribute("history", history);
        model.addAttribute("rollbackTo", rollbackTargets(shown, history));
        model.addAttribute("gates", gates(shown));
        model.addAttribute("names", people.names());
        return shown;
    }

    /**
     * Where rolling each alias back would take it, as the registry decides it (the version before its latest
     * promotion still in effect; a roll back undoes a promotion, a second one goes a step further back); an
     * alias with nowhere to go is not in the map.
     */
    static Map<String, Integer> rollbackTargets(ModelView shown, List<AliasChange> newestFirst) {
        Map<String, Integer> targets = new LinkedHashMap<>();
        if (shown.aliases() == null || newestFirst == null) {
            return targets;
        }
        for (String alias : shown.aliases().keySet()) {
            int undone = 0;
            Integer target = null;
            for (AliasChange change : newestFirst) {
                if (!alias.equals(change.alias())) {
                    continue;
                }
                if ("ROLLBACK".equals(change.action())) {
                    undone++;
                } else if (undone > 0) {
                    undone--;
                } else {
                    target = change.previousVersion();
                    break;
                }
            }
            if (target != null) {
                targets.put(alias, target);
            }
        }
        return targets;
    }

    /** The promotion gates in words: "span-f1-vs-champion ≥ 0", "span-f1 at least the champion's". */
    static List<String> gates(ModelView shown) {
        List<String> gates = new ArrayList<>();
        if (shown.promotionGates() == null) {
            return gates;
        }
        for (Gate gate : shown.promotionGates()) {
            if (gate == null || gate.metric() == null) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            if (gate.min() != null && gate.max() != null) {
                parts.add("between " + number(gate.min()) + " and " + number(gate.max()));
            } else if (gate.min() != null) {
                parts.add("\u2265 " + number(gate.min()));
            } else if (gate.max() != null) {
                parts.add("\u2264 " + number(gate.max()));
            }
            if (gate.comparesWithChampion()) {
                parts.add("at least the champion's");
            }
            gates.add(gate.metric() + " " + (parts.isEmpty() ? "reported" : String.join(" and ", parts)));
        }
        return gates;
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
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
