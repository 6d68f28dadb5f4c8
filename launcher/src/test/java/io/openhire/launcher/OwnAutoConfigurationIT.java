package io.openhire.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.openhire.launcher.boot.ServiceBoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each service's application context in the all-in-one has exactly the beans it has when the service
 * runs alone from its {@code -app} (its own class path, its own JVM): no auto-configuration of another
 * service's libraries leaks in, and none of its own is lost. Compared as bean definitions after every
 * condition was evaluated (see {@link ContextProbe}); nothing is started or connected.
 */
class OwnAutoConfigurationIT {

    /** The repository root: tests run in launcher/. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    static Path work;

    @TestFactory
    Stream<DynamicTest> eachServiceGetsTheAutoConfigurationsItGetsAlone() throws Exception {
        // The services alone run in JVMs of their own, two at a time, while this JVM prepares the others.
        ExecutorService jvms = Executors.newFixedThreadPool(2);
        Map<String, Future<SortedSet<String>>> alone = new LinkedHashMap<>();
        for (ServiceModule service : AllInOne.SERVICES) {
            Map<String, String> settings = settings(service);
            alone.put(service.name(), jvms.submit(() -> alone(service, settings)));
        }
        jvms.shutdown();
        return AllInOne.SERVICES.stream()
                .map(service -> dynamicTest(
                        service.name(),
                        () -> compare(service, alone.get(service.name()).get())));
    }

    private void compare(ServiceModule service, SortedSet<String> aloneBeans) throws Exception {
        SortedSet<String> inTheAllInOne = withoutTheSources(
                ContextProbe.beanDefinitions(ServiceApplications.of(service), settings(service)), service);
        SortedSet<String> alone = withoutTheSources(aloneBeans, service);

        SortedSet<String> leakedIn = new TreeSet<>(inTheAllInOne);
        leakedIn.removeAll(alone);
        SortedSet<String> missing = new TreeSet<>(alone);
        missing.removeAll(inTheAllInOne);
        assertThat(leakedIn)
                .as("beans %s gets in the all-in-one but not alone", service.name())
                .isEmpty();
        assertThat(missing)
                .as("beans %s gets alone but not in the all-in-one", service.name())
                .isEmpty();
        assertThat(alone).hasSizeGreaterThan(100); // the comparison saw a real context
    }

    /** The service's -app main class on the -app's class path, in a JVM of its own. */
    private SortedSet<String> alone(ServiceModule service, Map<String, String> settings) throws Exception {
        Path module = ROOT.resolve("services").resolve(service.name());
        Path appClasses = module.resolve(service.name() + "-app").resolve("target/classes");
        Path serviceClasses = module.resolve(service.name()).resolve("target/classes");
        Path runtimeClassPath = module.resolve(service.name()).resolve("target/runtime-classpath.txt");
        assertThat(runtimeClassPath)
                .as("built by the parent pom's service-class-path profile (build the services first)")
                .exists();
        String mainClass = mainClassIn(appClasses);
        String classPath = String.join(
                java.io.File.pathSeparator,
                appClasses.toString(),
                serviceClasses.toString(),
                Files.readString(runtimeClassPath).trim(),
                Path.of(ContextProbe.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .toString());
        Path output = work.resolve(service.name() + ".beans");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-cp",
                classPath,
                ContextProbe.class.getName(),
                output.toString(),
                mainClass));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = work.resolve(service.name() + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean done = process.waitFor(3, TimeUnit.MINUTES);
        if (!done) {
            process.destroyForcibly();
        }
        assertThat(done && process.exitValue() == 0)
                .as("%s alone: %s", service.name(), tail(log))
                .isTrue();
        return new TreeSet<>(Files.readAllLines(output, StandardCharsets.UTF_8));
    }

    /** The main class of the -app (its one {@code *Application} class). */
    private static String mainClassIn(Path appClasses) throws IOException {
        try (Stream<Path> files = Files.walk(appClasses)) {
            Path main = files.filter(f -> f.getFileName().toString().endsWith("Application.class"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No *Application class in " + appClasses));
            String relative = appClasses.relativize(main).toString();
            return relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
        }
    }

    /**
     * The classes a context is started from differ by design (ServiceBoot, the -app class): not compared.
     * The service's configuration is a source in one and imported in the other, so its bean is named
     * {@code identityConfiguration} in one and {@code io.openhire.identity.IdentityConfiguration} in the other.
     */
    private static SortedSet<String> withoutTheSources(SortedSet<String> beans, ServiceModule service) {
        String simpleName = service.configuration().getSimpleName();
        String sourceName = Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1);
        SortedSet<String> kept = new TreeSet<>();
        for (String rawBean : beans) {
            String bean = rawBean.replace(
                    " " + sourceName + "#", " " + service.configuration().getName() + "#");
            String madeBy = bean.substring(bean.indexOf(' ') + 1);
            boolean source = madeBy.equals(ServiceBoot.class.getName())
                    || madeBy.equals(service.configuration().getName())
                    || (madeBy.startsWith("io.openhire.") && madeBy.endsWith("Application"));
            if (!source) {
                kept.add(bean);
            }
        }
        return kept;
    }

    /** What the launcher gives the service, with addresses where nothing listens (nothing connects). */
    private static Map<String, String> settings(ServiceModule service) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.application.name", service.name());
        settings.put("spring.kafka.bootstrap-servers", "127.0.0.1:9");
        settings.put("openhire.security.issuer", AllInOne.PUBLIC_URL);
        if (service.database()) {
            settings.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:9/" + service.name());
            settings.put("spring.datasource.username", "postgres");
        }
        String key = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
        service.secrets().keySet().forEach(property -> settings.put(property, key));
        if (service.hasServiceAccount()) {
            settings.put("openhire.service-account.secret", key);
        }
        for (Map.Entry<String, String> directory : service.directories().entrySet()) {
            settings.put(
                    directory.getKey(),
                    Files.createDirectories(work.resolve(service.name()).resolve(directory.getValue()))
                            .toString());
        }
        return settings;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
