package io.openhire.dashboard.web;

import io.openhire.applications.client.ApplicationsApi;
import io.openhire.applications.client.StageView;
import io.openhire.applications.client.Stages;
import io.openhire.applications.client.StagesUpdate;
import io.openhire.applications.events.StageCategory;
import io.openhire.dashboard.api.ApiProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;

/**
 * The organisation's pipeline stages and rejection reasons: staff read them, admins rename, reorder (by the
 * numbers), add and remove stages (applications decides what may change: a stage holding applications stays).
 */
@Controller
class StagesPage {

    /** The categories an active stage can have (the ends are fixed: one each). */
    static final List<StageCategory> ACTIVE =
            List.of(StageCategory.APPLIED, StageCategory.SCREENING, StageCategory.INTERVIEW, StageCategory.OFFER);

    private final ApplicationsApi applications;

    StagesPage(ApplicationsApi applications) {
        this.applications = applications;
    }

    @GetMapping("/stages")
    String stages(Model model) {
        return show(applications.stages(), null, null, model);
    }

    /**
     * The form: {@code id<i>}, {@code name<i>}, {@code category<i>}, {@code order<i>} and {@code remove<i>} per row
     * (a row without an id is new, without a name ignored), and the reasons one per line.
     */
    @PostMapping("/stages")
    String save(@RequestParam Map<String, String> form, Model model) {
        PageModel.requireAdmin("Only an admin changes the stages.");
        record Row(int order, StagesUpdate.Stage stage) {}
        List<Row> rows = new ArrayList<>();
        for (int i = 0; form.containsKey("name" + i); i++) {
            String name = form.get("name" + i).strip();
            if (name.isEmpty() || form.containsKey("remove" + i)) {
                continue;
            }
            String id = form.getOrDefault("id" + i, "");
            StageCategory category = StageCategory.valueOf(form.getOrDefault("category" + i, "SCREENING"));
            int order;
            try {
                order = Integer.parseInt(
                        form.getOrDefault("order" + i, String.valueOf(i)).strip());
            } catch (NumberFormatException e) {
                order = i;
            }
            rows.add(new Row(
                    category.isEnd() ? 1_000 + category.ordinal() : order,
                    new StagesUpdate.Stage(id.isBlank() ? null : UUID.fromString(id), name, category)));
        }
        rows.sort(java.util.Comparator.comparingInt(Row::order));
        List<String> reasons = Arrays.stream(form.getOrDefault("reasons", "").split("\n"))
                .map(String::strip)
                .filter(r -> !r.isEmpty())
                .toList();
        try {
            Stages saved = applications.saveStages(
                    new StagesUpdate(rows.stream().map(Row::stage).toList(), reasons));
            return show(saved, "Saved.", null, model);
        } catch (RestClientResponseException e) {
            return show(applications.stages(), null, ApiProblem.message(e), model);
        }
    }

    private String show(Stages stages, String notice, String error, Model model) {
        List<StageView> all = stages.stages();
        model.addAttribute("stages", all);
        model.addAttribute("newRows", List.of(all.size(), all.size() + 1));
        model.addAttribute("reasons", String.join("\n", stages.rejectionReasons()));
        model.addAttribute("activeCategories", ACTIVE);
        model.addAttribute("notice", notice);
        model.addAttribute("error", error);
        return "stages";
    }
}
