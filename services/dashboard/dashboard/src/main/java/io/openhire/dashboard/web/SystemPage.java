package io.openhire.dashboard.web;

import io.openhire.platform.http.HttpClientsProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /system}: every service the dashboard knows, asked for its health at once (in parallel, two
 * seconds each at most); one that is down or slow is highlighted. Refreshes itself every 10 s. For admins
 * and platform operators (see {@code SignInSecurity}); it shows names, state and time, never the services'
 * internal addresses.
 */
@Controller
class SystemPage {

    /** Slower than this and the service is shown as degraded even if it says UP. */
    static final Duration SLOW = Duration.ofMillis(1500);

    private final HttpClientsProperties clients;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SystemPage(HttpClientsProperties clients) {
        this.clients = clients;
    }

    /** One service's answer as the page shows it: no address (internal URLs are not for browsers). */
    record Health(String service, String status, long millis, boolean degraded, String problem) {}

    @GetMapping("/system")
    String system(Model model) {
        model.addAttribute("services", check());
        return "system";
    }

    @GetMapping("/system/health")
    String healthOnly(Model model) {
        model.addAttribute("services", check());
        return "system :: health";
    }

    List<Health> check() {
        Map<String, HttpClientsProperties.Service> services = new TreeMap<>(clients.services());
        List<Health> answers = new ArrayList<>();
        try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Health>> asked = new ArrayList<>();
            services.forEach((name, service) -> asked.add(each.submit(() -> ask(name, service.url()))));
            for (Future<Health> answer : asked) {
                answers.add(answer.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return answers;
    }

    private Health ask(String name, String url) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            String status = response.body().contains("\"UP\"") ? "UP" : "DOWN";
            boolean degraded = !status.equals("UP") || millis > SLOW.toMillis();
            return new Health(
                    name,
                    status,
                    millis,
                    degraded,
                    status.equals("UP") ? (degraded ? "answers slowly" : null) : "reports " + response.statusCode());
        } catch (java.io.IOException e) {
            return new Health(name, "DOWN", (System.nanoTime() - start) / 1_000_000, true, "not reachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Health(name, "DOWN", 0, true, "not asked");
        }
    }
}
