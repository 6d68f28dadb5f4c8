package io.openhire.dashboard.web;

import io.openhire.dashboard.signin.SignedInUser;
import io.openhire.modelregistry.client.ModelRegistryApi;
import io.openhire.modelregistry.client.ModelView;
import io.openhire.modelregistry.client.UpdateRequest;
import io.openhire.platform.web.ProblemException;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

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

    ModelsPages(ModelRegistryApi models, ModelTraining training) {
        this.models = models;
        this.training = training;
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
            model.addAttribute("training", training.section(checked));
            model.addAttribute("upload", TrainingPages.UploadForm.EMPTY);
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
        models.moveAlias(UpdateRequest.promote(
                name(name),
                version,
                alias(alias),
                reason == null || reason.isBlank() ? "promoted in the dashboard" : reason.strip()));
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
        requireOperator();
        models.moveAlias(UpdateRequest.rollback(
                name(name),
                alias(alias),
                reason == null || reason.isBlank() ? "rolled back in the dashboard" : reason.strip()));
        show(name, model);
        model.addAttribute("done", "Rolled " + alias + " back.");
        return "model :: detail";
    }

    /** Refused here, before the registry is asked: the person gets the sentence, the registry no request. */
    private void requireOperator() {
        if (!canChange()) {
            throw ProblemException.forbidden(OPERATORS_ONLY);
        }
    }

    private ModelView show(String name, Model model) {
        ModelView shown = models.model(name);
        model.addAttribute("model", shown);
        model.addAttribute("history", models.history(name, 50).changes());
        return shown;
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
