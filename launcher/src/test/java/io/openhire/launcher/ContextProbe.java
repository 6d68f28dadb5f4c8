package io.openhire.launcher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Prepares a service's application context as far as its bean definitions (every condition evaluated, no
 * bean created, nothing connected) and lists them: the same trick Spring Boot's AOT processing uses. Run
 * in the test's JVM for a service as the all-in-one starts it, and as {@code main} in a JVM of its own on
 * the class path of the service's {@code -app} for the service alone.
 */
final class ContextProbe {

    private ContextProbe() {}

    /** args: the output file, the application's source classes, then {@code --key=value} settings. */
    public static void main(String[] args) throws Exception {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        Path output = Path.of(args[0]);
        List<Class<?>> sources = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        for (String arg : Arrays.asList(args).subList(1, args.length)) {
            if (arg.startsWith("--")) {
                settings.add(arg);
            } else {
                sources.add(Class.forName(arg));
            }
        }
        Files.write(output, beanDefinitions(sources, settings), StandardCharsets.UTF_8);
    }

    static SortedSet<String> beanDefinitions(SpringApplication application, Map<String, String> settings) {
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        return beanDefinitions(application, args);
    }

    private static SortedSet<String> beanDefinitions(List<Class<?>> sources, List<String> args) {
        SpringApplication application = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .web(WebApplicationType.SERVLET)
                .registerShutdownHook(false)
                .logStartupInfo(false)
                .build();
        return beanDefinitions(application, args);
    }

    private static SortedSet<String> beanDefinitions(SpringApplication application, List<String> args) {
        ConfigurableApplicationContext context;
        try {
            SpringApplication.withHook(
                    ignored -> new SpringApplicationRunListener() {
                        @Override
                        public void contextLoaded(ConfigurableApplicationContext loaded) {
                            ((GenericApplicationContext) loaded).refreshForAotProcessing(new RuntimeHints());
                            throw new SpringApplication.AbandonedRunException(loaded);
                        }
                    },
                    () -> application.run(args.toArray(String[]::new)));
            throw new IllegalStateException("The context was not prepared");
        } catch (SpringApplication.AbandonedRunException prepared) {
            context = prepared.getApplicationContext();
        }
        SortedSet<String> beans = new TreeSet<>();
        for (String name : context.getBeanFactory().getBeanDefinitionNames()) {
            BeanDefinition definition = context.getBeanFactory().getBeanDefinition(name);
            String madeBy = definition.getBeanClassName() != null
                    ? definition.getBeanClassName()
                    : definition.getFactoryBeanName() + "#" + definition.getFactoryMethodName();
            beans.add(name + " " + madeBy);
        }
        return beans;
    }
}
