package io.openhire.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one service sees of the all-in-one's class path: the jars it was built with, nothing else. Every
 * service is on this JVM's class path, so without this the gateway's libraries would configure themselves
 * in the dashboard, a JSON library of one service would switch on a converter in all, and each new service
 * would change the others. With it a service's context evaluates every condition ({@code @ConditionalOnClass},
 * {@code spring.factories}, auto-configuration imports) against its own class path, as when it runs alone
 * from its {@code -app} ({@code OwnAutoConfigurationIT} compares the two).
 *
 * <p>It hides, it does not load: a visible class comes from the launcher's class loader, so classes are
 * shared by all services and loaded once. A service declares what it needs by its pom's dependencies; its
 * build writes them to {@code openhire/class-path/<artifactId>.txt} (the parent pom's
 * {@code service-class-path} profile).
 */
final class OwnClassPath extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    /** {@code group:artifact:type[:classifier]:version:scope}, as the dependency plugin lists them. */
    private static final Pattern DEPENDENCY =
            Pattern.compile("^\\s*([^:\\s]+):([^:\\s]+):([^:\\s]+):(?:([^:\\s]+):)?([^:\\s]+):([a-z]+)\\b.*$");

    /** The launcher's own classes (ServiceBoot): in the launcher's jar, or launcher/target/classes. */
    private static final Set<String> LAUNCHER = Set.of(
            "launcher",
            "BOOT-INF/classes",
            // the launcher jar as ./openhire extracts it for the start-up cache (launcher/target/openhire/<build>/)
            "openhire-launcher.jar");

    private final String service;
    private final Set<String> allowed;
    private final ConcurrentMap<String, Boolean> visibleClasses = new ConcurrentHashMap<>();

    private OwnClassPath(String service, Set<String> allowed, ClassLoader parent) {
        super("openhire-" + service, parent);
        this.service = service;
        this.allowed = allowed;
    }

    /** The class path of the service whose artifact id is {@code service}, within {@code parent}'s. */
    static OwnClassPath of(String service, ClassLoader parent) {
        return new OwnClassPath(service, dependenciesOf(service, parent), parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        boolean visible = visibleClasses.computeIfAbsent(name, this::visible);
        if (!visible) {
            throw new ClassNotFoundException(name + " is not on " + service + "'s class path");
        }
        return getParent().loadClass(name);
    }

    @Override
    public URL getResource(String name) {
        Enumeration<URL> all = getResources(name);
        return all.hasMoreElements() ? all.nextElement() : null;
    }

    @Override
    public Enumeration<URL> getResources(String name) {
        List<URL> visible = new ArrayList<>();
        try {
            Enumeration<URL> all = getParent().getResources(name);
            while (all.hasMoreElements()) {
                URL url = all.nextElement();
                if (allowed(containerOf(url.toString(), name))) {
                    visible.add(url);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Collections.enumeration(visible);
    }

    private boolean visible(String className) {
        String resource = className.replace('.', '/') + ".class";
        URL url = getParent().getResource(resource);
        return url == null || allowed(containerOf(url.toString(), resource));
    }

    private boolean allowed(String container) {
        return container == null || allowed.contains(container) || LAUNCHER.contains(container) || isOwnJar(container);
    }

    /** {@code identity-0.1.0.jar}: the service's own jar, which its dependency list does not name. */
    private boolean isOwnJar(String container) {
        return container.length() > service.length() + 1
                && container.startsWith(service + "-")
                && Character.isDigit(container.charAt(service.length() + 1))
                && container.endsWith(".jar");
    }

    /**
     * Where a resource comes from: the jar's file name ({@code spring-boot-thymeleaf-4.0.8.jar}), also for a
     * jar nested in the launcher's jar; {@code BOOT-INF/classes} for the launcher jar's own classes; the
     * module's directory name ({@code gateway}) for {@code <module>/target/classes} in the build; {@code null}
     * for the JDK's own classes (always visible).
     */
    static String containerOf(String url, String resource) {
        if (url.startsWith("jrt:")) {
            return null;
        }
        int bang = url.lastIndexOf("!/");
        if (bang > 0) {
            String jar = url.substring(0, bang);
            if (jar.endsWith("/")) {
                jar = jar.substring(0, jar.length() - 1);
            }
            if (jar.endsWith("!BOOT-INF/classes")) {
                return "BOOT-INF/classes";
            }
            return jar.substring(jar.lastIndexOf('/') + 1);
        }
        String suffix = "/" + resource;
        if (url.startsWith("file:") && url.endsWith(suffix)) {
            String[] parts = url.substring(0, url.length() - suffix.length()).split("/");
            if (parts.length >= 3 && parts[parts.length - 2].equals("target")) {
                // main classes are the module; test classes are nobody's dependency
                return parts[parts.length - 1].equals("classes")
                        ? parts[parts.length - 3]
                        : parts[parts.length - 3] + "/" + parts[parts.length - 1];
            }
            return url; // some other directory: visible only if listed, which it never is
        }
        return url;
    }

    /** The jar file names and module names the service was built with, itself included. */
    static Set<String> dependenciesOf(String service, ClassLoader loader) {
        String list = "openhire/class-path/" + service + ".txt";
        Set<String> allowed = new HashSet<>();
        allowed.add(service);
        try (InputStream in = loader.getResourceAsStream(list)) {
            if (in == null) {
                throw new IllegalStateException("No " + list + " on the class path: the service " + service
                        + " was built without the parent pom's service-class-path profile");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher dependency = DEPENDENCY.matcher(line);
                if (dependency.matches()) {
                    String artifactId = dependency.group(2);
                    String classifier = dependency.group(4);
                    String version = dependency.group(5);
                    allowed.add(artifactId);
                    allowed.add(artifactId + "-" + version + (classifier == null ? "" : "-" + classifier) + ".jar");
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + list, e);
        }
        return Set.copyOf(allowed);
    }
}
