package io.openhire.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every page the dashboard serves is reachable through the gateway: its path is in the gateway's dashboard route
 * (which is also the list of paths the gateway lets through without a token). A page added without its route
 * answers a signed-in person with the gateway's raw 401 — as the Templates page once did.
 */
class DashboardRoutesTest {

    @Test
    void everyDashboardPathIsRoutedByTheGateway() throws IOException {
        Properties gateway = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/openhire/services/gateway.properties")) {
            gateway.load(in);
        }
        List<String> routed = Arrays.stream(gateway.getProperty("openhire.gateway.routes.dashboard.paths")
                        .split(","))
                .map(String::strip)
                .toList();
        assertThat(gateway.getProperty("openhire.security.public-paths"))
                .as("the dashboard's pages are public at the gateway (it signs people in itself)")
                .contains("${openhire.gateway.routes.dashboard.paths}");

        AntPathMatcher matcher = new AntPathMatcher();
        List<String> unrouted = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.openhire.dashboard")) {
            if (!type.isAnnotatedWith(Controller.class)
                    && !type.isAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)) {
                continue;
            }
            Class<?> controller = type.reflect();
            String prefix = controller.isAnnotationPresent(RequestMapping.class)
                    ? first(controller.getAnnotation(RequestMapping.class).value())
                    : "";
            for (Method method : controller.getDeclaredMethods()) {
                List<String> paths = new ArrayList<>();
                if (method.isAnnotationPresent(GetMapping.class)) {
                    GetMapping get = method.getAnnotation(GetMapping.class);
                    paths.addAll(List.of(get.value().length > 0 ? get.value() : get.path()));
                }
                if (method.isAnnotationPresent(PostMapping.class)) {
                    paths.addAll(List.of(method.getAnnotation(PostMapping.class).value()));
                }
                for (String path : paths) {
                    // a path variable stands for any one segment
                    String example = (prefix + path).replaceAll("\\{[^}]+}", "x");
                    if (routed.stream().noneMatch(pattern -> matcher.match(pattern, example))) {
                        unrouted.add(controller.getSimpleName() + " " + prefix + path);
                    }
                }
            }
        }
        assertThat(unrouted).as("dashboard paths the gateway does not route").isEmpty();
    }

    private static String first(String[] values) {
        return values.length == 0 ? "" : values[0];
    }
}
