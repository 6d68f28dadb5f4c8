package io.openhire.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The artefacts in {@code deploy/} against the services they deploy: every service in
 * {@code services/*}{@code /*-app} has a workload on Kubernetes and a service in Compose, each gets every
 * variable its {@code application.yml} requires, the workloads are hardened and probed, the alert rules are
 * complete, the central logs (Loki, Alloy, Grafana's data sources and dashboards) fit together, and the backups are
 * there (CloudNativePG's WAL archive and schedule, its restore, Compose's database list, the erasure ledger's volume).
 * The Kubernetes part renders the production overlay with {@code kubectl kustomize} and is skipped where kubectl is
 * not on the PATH.
 */
class DeployManifestsTest {

    static final Path ROOT = Path.of("").toAbsolutePath().resolve("../..").normalize();
    static final Path DEPLOY = ROOT.resolve("deploy");
    static final Path OVERLAY = DEPLOY.resolve("kubernetes/overlays/production");
    static final Path SECRETS_EXAMPLE = DEPLOY.resolve("kubernetes/base/secrets.example.env");
    static final Path COMPOSE = DEPLOY.resolve("compose/docker-compose.yml");
    static final Path ALERTS = DEPLOY.resolve("prometheus/alerts.yml");
    static final Path PROMETHEUS = DEPLOY.resolve("prometheus/prometheus.yml");
    static final Path GRAFANA = DEPLOY.resolve("grafana");
    static final Path LOKI = DEPLOY.resolve("loki/loki.yml");
    static final Path LOKI_HELM_VALUES = DEPLOY.resolve("kubernetes/logging/loki-values.yaml");
    static final Path RECOVERY_COMPONENT = DEPLOY.resolve("kubernetes/components/postgres-recovery");

    /** CloudNativePG's Barman Cloud Plugin: WAL archiving and base backups to an object store. */
    static final String BARMAN_CLOUD = "barman-cloud.cloudnative-pg.io";

    /** privacy's erasure ledger: a file that must outlive the pod (and a restore of the databases). */
    static final String LEDGER = "OPENHIRE_PRIVACY_ERASURE_LEDGER";

    /** {@code ${NAME}}, {@code ${NAME:?…}}, {@code ${NAME:-…}} in the Compose file; not {@code $$} (a literal $). */
    static final Pattern COMPOSE_VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?])?");

    /** Compose images without a version yet (deploy/README.md, "Known gaps"); every other image names one. */
    static final Set<String> NOT_PINNED_YET = Set.of("minio/mc:latest", "axllent/mailpit:latest");

    /** The only labels the log shippers take from a line: a handful of values each (traceId is one per request). */
    static final Set<String> LOG_LABELS_FROM_THE_LINE = Set.of("service", "level");

    /** A line as platform-core's JsonLogEncoder writes it. */
    static final String LOG_LINE = "{\"@timestamp\":\"2025-01-31T08:15:30.123Z\",\"level\":\"ERROR\","
            + "\"service\":\"matching\",\"logger\":\"io.openhire.matching.Ranker\",\"thread\":\"main\","
            + "\"message\":\"ranking failed\",\"requestId\":\"0b9f8d52-5c1e-4d3a-9a47-2f6c1e0d9b11\","
            + "\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"spanId\":\"00f067aa0ba902b7\"}";

    static final Pattern STAGE_LABELS = Pattern.compile("stage\\.labels\\s*\\{[^}]*?values\\s*=\\s*\\{([^}]*)}");
    static final Pattern ALLOY_KEY = Pattern.compile("(?m)^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=");

    /** {@code ${OPENHIRE_X}} or {@code ${OPENHIRE_X:}}: required, or a secret with an empty default. */
    static final Pattern REQUIRED = Pattern.compile("\\$\\{(OPENHIRE_[A-Z0-9_]+):?}");

    static final Pattern PORT = Pattern.compile("port: \\$\\{OPENHIRE_[A-Z0-9_]+_PORT:(\\d+)}");

    private static List<Map<String, Object>> rendered;

    // ------------------------------------------------------------------------------------------ Kubernetes

    @Test
    void theProductionOverlayDeploysEveryServiceProbedLimitedAndHardened() {
        List<Map<String, Object>> docs = rendered();
        Map<String, Map<String, Object>> workloads = workloads(docs);
        assertThat(workloads.keySet())
                .as("services without a Deployment or StatefulSet")
                .containsAll(services());

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> workload : workloads.entrySet()) {
            Map<String, Object> podSpec = podSpec(workload.getValue());
            Map<String, Object> podSecurity = map(podSpec.get("securityContext"));
            for (Map<String, Object> container : maps(podSpec.get("containers"))) {
                String where = workload.getKey() + "/" + container.get("name");
                for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                    if (container.get(probe) == null) {
                        problems.add(where + ": no " + probe);
                    }
                }
                Map<String, Object> resources = map(container.get("resources"));
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (map(resources.get(kind)).get(resource) == null) {
                            problems.add(where + ": no " + kind + "." + resource);
                        }
                    }
                }
                Map<String, Object> security = map(container.get("securityContext"));
                if (!Boolean.TRUE.equals(security.getOrDefault("runAsNonRoot", podSecurity.get("runAsNonRoot")))) {
                    problems.add(where + ": not runAsNonRoot");
                }
                if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
                    problems.add(where + ": root filesystem not read-only");
                }
                if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
                    problems.add(where + ": allowPrivilegeEscalation is not false");
                }
            }
        }
        assertThat(problems).as("workload containers").isEmpty();
    }

    @Test
    void onlyTheGatewayIsReachableFromOutside() {
        List<Map<String, Object>> docs = rendered();
        List<Map<String, Object>> ingresses = ofKind(docs, "Ingress");
        assertThat(ingresses).as("Ingress resources").isNotEmpty();
        Set<String> backends = new TreeSet<>();
        for (Map<String, Object> ingress : ingresses) {
            Map<String, Object> spec = map(ingress.get("spec"));
            if (spec.get("defaultBackend") != null) {
                backends.add(String.valueOf(
                        map(map(spec.get("defaultBackend")).get("service")).get("name")));
            }
            for (Map<String, Object> rule : maps(spec.get("rules"))) {
                for (Map<String, Object> path : maps(map(rule.get("http")).get("paths"))) {
                    backends.add(String.valueOf(
                            map(map(path.get("backend")).get("service")).get("name")));
                }
            }
        }
        assertThat(backends).as("Services behind an Ingress").containsExactly("gateway");

        boolean defaultDeny = ofKind(docs, "NetworkPolicy").stream()
                .map(policy -> map(policy.get("spec")))
                .anyMatch(spec -> map(spec.get("podSelector")).isEmpty()
                        && list(spec.get("policyTypes")).contains("Ingress")
                        && list(spec.get("ingress")).isEmpty());
        assertThat(defaultDeny)
                .as("a NetworkPolicy that selects every pod (podSelector {}) and allows no ingress")
                .isTrue();
        assertThat(ofKind(docs, "Service"))
                .as("Services of type LoadBalancer or NodePort (the Ingress is the way in)")
                .noneSatisfy(service ->
                        assertThat(map(service.get("spec")).get("type")).isIn("LoadBalancer", "NodePort"));
    }

    @Test
    void everySecretTheManifestsReferToIsInTheExampleSecretsFile() {
        Set<String> example = envFileKeys(SECRETS_EXAMPLE);
        Set<String> referred = new TreeSet<>();
        Set<String> secretNames = new TreeSet<>();
        for (Map<String, Object> workload : workloads(rendered()).values()) {
            for (Map<String, Object> container : containers(workload)) {
                for (Map<String, Object> env : maps(container.get("env"))) {
                    Map<String, Object> ref = map(map(env.get("valueFrom")).get("secretKeyRef"));
                    if (!ref.isEmpty()) {
                        referred.add(String.valueOf(ref.get("key")));
                        secretNames.add(String.valueOf(ref.get("name")));
                    }
                }
            }
        }
        assertThat(referred).as("secretKeyRef keys").isNotEmpty();
        assertThat(secretNames).as("Secrets referred to").containsExactly("openhire-secrets");
        Set<String> unknown = new TreeSet<>(referred);
        unknown.removeAll(example);
        assertThat(unknown)
                .as("secretKeyRef keys missing from " + SECRETS_EXAMPLE)
                .isEmpty();
    }

    @Test
    void kubernetesGivesEveryServiceTheVariablesItsApplicationYmlRequires() {
        List<Map<String, Object>> docs = rendered();
        Map<String, Map<String, Object>> configMaps = new LinkedHashMap<>();
        for (Map<String, Object> configMap : ofKind(docs, "ConfigMap")) {
            configMaps.put(name(configMap), map(configMap.get("data")));
        }
        Map<String, Map<String, Object>> workloads = workloads(docs);
        Map<String, Set<String>> missing = new TreeMap<>();
        Map<String, Object> issuers = new TreeMap<>();
        for (String service : services()) {
            Set<String> given = new TreeSet<>();
            for (Map<String, Object> container : containers(workloads.get(service))) {
                for (Map<String, Object> from : maps(container.get("envFrom"))) {
                    Map<String, Object> ref = map(from.get("configMapRef"));
                    if (!ref.isEmpty()) {
                        String name = String.valueOf(ref.get("name"));
                        assertThat(configMaps)
                                .as("ConfigMap " + name + " of " + service)
                                .containsKey(name);
                        given.addAll(configMaps.get(name).keySet());
                        if (configMaps.get(name).containsKey("OPENHIRE_ISSUER")) {
                            issuers.put(service, configMaps.get(name).get("OPENHIRE_ISSUER"));
                        }
                    }
                }
                for (Map<String, Object> env : maps(container.get("env"))) {
                    given.add(String.valueOf(env.get("name")));
                    if ("OPENHIRE_ISSUER".equals(env.get("name"))) {
                        issuers.put(service, env.get("value"));
                    }
                }
            }
            Set<String> absent = new TreeSet<>(requiredVariables(service));
            absent.removeAll(given);
            if (!absent.isEmpty()) {
                missing.put(service, absent);
            }
        }
        assertThat(missing).as("required variables not set on Kubernetes").isEmpty();
        assertThat(issuers.keySet()).as("services told the issuer").containsAll(services());
        assertThat(new TreeSet<>(issuers.values()))
                .as("issuers (one for all: the iss of every token)")
                .hasSize(1);
    }

    @Test
    void kubernetesRunsEveryServiceOnItsOwnPort() {
        Map<String, Map<String, Object>> workloads = workloads(rendered());
        List<String> problems = new ArrayList<>();
        for (String service : services()) {
            int port = defaultPort(service);
            List<Object> containerPorts = new ArrayList<>();
            containers(workloads.get(service))
                    .forEach(c -> maps(c.get("ports")).forEach(p -> containerPorts.add(p.get("containerPort"))));
            if (!containerPorts.contains(port)) {
                problems.add(service + ": container ports " + containerPorts + ", not " + port);
            }
        }
        assertThat(problems).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ Compose

    @Test
    void composeRunsEveryServiceWithAHealthcheckAndTheVariablesItRequires() {
        Map<String, Object> compose = composeServices();
        Map<String, Set<String>> missing = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        Set<Object> issuers = new TreeSet<>();
        for (String service : services()) {
            assertThat(compose).as("Compose services").containsKey(service);
            Map<String, Object> definition = map(compose.get(service));
            if (list(map(definition.get("healthcheck")).get("test")).isEmpty()) {
                problems.add(service + ": no healthcheck");
            }
            Object dependsOn = definition.get("depends_on");
            if (!(dependsOn instanceof Map<?, ?> dependencies) || dependencies.isEmpty()) {
                problems.add(service + ": depends_on is not a map of conditions");
            } else {
                dependencies.forEach((on, how) -> {
                    if (map(how).get("condition") == null) {
                        problems.add(service + ": depends on " + on + " without a condition");
                    }
                });
            }
            Map<String, Object> environment = environment(definition);
            if (!environment.containsKey("OPENHIRE_ISSUER")) {
                problems.add(service + ": no OPENHIRE_ISSUER");
            }
            issuers.add(String.valueOf(environment.get("OPENHIRE_ISSUER")));
            Set<String> absent = new TreeSet<>(requiredVariables(service));
            absent.removeAll(environment.keySet());
            if (!absent.isEmpty()) {
                missing.put(service, absent);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(missing).as("required variables not set in Compose").isEmpty();
        assertThat(issuers).as("issuers (one for all: the iss of every token)").hasSize(1);
    }

    @Test
    void composeAndPrometheusUseEveryServicesOwnPort() {
        Map<String, Object> compose = composeServices();
        String prometheus = read(PROMETHEUS);
        List<String> problems = new ArrayList<>();
        for (String service : services()) {
            int port = defaultPort(service);
            Object test = map(map(compose.get(service)).get("healthcheck")).get("test");
            if (!String.valueOf(test).contains("localhost:" + port + "/actuator/health")) {
                problems.add(service + ": Compose healthcheck " + test + " is not on port " + port);
            }
            if (!prometheus.contains(service + ":" + port)) {
                problems.add(service + ": Prometheus does not scrape " + service + ":" + port);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void composeNamesAVersionForEveryImage() {
        List<String> unpinned = new ArrayList<>();
        composeServices().forEach((service, definition) -> {
            String image = String.valueOf(map(definition).get("image"));
            String name = image.substring(image.lastIndexOf('/') + 1);
            String tag = name.contains(":") ? name.substring(name.indexOf(':') + 1) : "";
            boolean pinned = image.contains("@sha256:") || !(tag.isEmpty() || tag.equals("latest"));
            if (!pinned && !NOT_PINNED_YET.contains(image)) {
                unpinned.add(service + ": " + image);
            }
        });
        assertThat(unpinned)
                .as("Compose images without a version (no tag, or latest)")
                .isEmpty();
    }

    @Test
    void composeMountsOnlyFilesThatAreInTheRepository() {
        Path compose = COMPOSE.getParent();
        List<String> missing = new ArrayList<>();
        composeServices().forEach((service, definition) -> {
            for (Object volume : list(map(definition).get("volumes"))) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith(".")
                        && !Files.exists(compose.resolve(source).normalize())) {
                    missing.add(service + ": " + volume);
                }
            }
        });
        assertThat(missing).as("bind mounts of files that do not exist").isEmpty();
    }

    // ------------------------------------------------------------------------------------------ Logs, Grafana

    @Test
    void grafanaProvisionsEveryDataSourceTheDashboardsAndLinksUse() {
        Map<String, Map<String, Object>> sources = grafanaDataSources();
        Map<String, Object> compose = composeServices();
        List<String> problems = new ArrayList<>();
        sources.forEach((uid, source) -> {
            URI url = URI.create(String.valueOf(source.get("url")));
            if (!compose.containsKey(url.getHost())) {
                problems.add("data source " + uid + ": " + url + " is not a Compose service");
            }
            List<Object> linked = new ArrayList<>();
            collect(source.get("jsonData"), "datasourceUid", linked);
            linked.stream()
                    .filter(target -> !sources.containsKey(String.valueOf(target)))
                    .forEach(
                            target -> problems.add("data source " + uid + " links to " + target + ", not provisioned"));
        });
        try (Stream<Path> dashboards = Files.list(GRAFANA.resolve("dashboards"))) {
            for (Path dashboard : dashboards
                    .filter(f -> f.toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                List<Object> used = new ArrayList<>();
                collect(loadOne(dashboard), "datasource", used);
                used.stream()
                        .map(reference -> String.valueOf(map(reference).get("uid")))
                        .filter(uid -> !sources.containsKey(uid))
                        .distinct()
                        .forEach(uid -> problems.add(
                                dashboard.getFileName() + " uses data source " + uid + ", not provisioned"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void logsAreLabelledByServiceAndLevelOnlyAndLinkToTheirTraces() {
        List<Path> shippers = deployFiles(".alloy");
        assertThat(shippers).as("Alloy configurations under deploy/").hasSizeGreaterThanOrEqualTo(2);
        for (Path shipper : shippers) {
            Matcher stage = STAGE_LABELS.matcher(read(shipper));
            Set<String> labels = new TreeSet<>();
            while (stage.find()) {
                Matcher key = ALLOY_KEY.matcher(stage.group(1));
                while (key.find()) {
                    labels.add(key.group(1));
                }
            }
            assertThat(labels)
                    .as(DEPLOY.relativize(shipper) + ": labels taken from the log line (stage.labels)")
                    .isNotEmpty()
                    .isSubsetOf(LOG_LABELS_FROM_THE_LINE);
        }

        Map<String, Map<String, Object>> sources = grafanaDataSources();
        Map<String, Object> loki = ofType(sources, "loki");
        Map<String, Object> jaeger = ofType(sources, "jaeger");
        List<Map<String, Object>> derived = maps(map(loki.get("jsonData")).get("derivedFields"));
        assertThat(derived)
                .as("Loki's derived fields that find a line's traceId and link to Jaeger")
                .anySatisfy(field -> {
                    Matcher matcher = Pattern.compile(String.valueOf(field.get("matcherRegex")))
                            .matcher(LOG_LINE);
                    assertThat(matcher.find()).isTrue();
                    assertThat(matcher.group(1)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
                    assertThat(field.get("datasourceUid")).isEqualTo(jaeger.get("uid"));
                });
        Map<String, Object> tracesToLogs = map(map(jaeger.get("jsonData")).get("tracesToLogsV2"));
        assertThat(tracesToLogs.get("datasourceUid"))
                .as("Jaeger's trace to logs")
                .isEqualTo(loki.get("uid"));
        assertThat(String.valueOf(tracesToLogs.get("query"))).contains("traceId", "${__trace.traceId}");
    }

    @Test
    void lokiKeepsLogsAsLongInComposeAsOnKubernetes() {
        Map<String, Object> compose = map(loadOne(LOKI));
        Map<String, Object> kubernetes = map(map(loadOne(LOKI_HELM_VALUES)).get("loki"));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> loki :
                Map.of("Compose", compose, "Kubernetes", kubernetes).entrySet()) {
            Map<String, Object> compactor = map(loki.getValue().get("compactor"));
            if (!Boolean.TRUE.equals(compactor.get("retention_enabled"))
                    || compactor.get("delete_request_store") == null) {
                problems.add(loki.getKey() + ": the compactor does not apply retention (retention_enabled, "
                        + "delete_request_store)");
            }
            if (map(loki.getValue().get("limits_config")).get("retention_period") == null) {
                problems.add(loki.getKey() + ": no limits_config.retention_period (logs kept for ever)");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(map(kubernetes.get("limits_config")).get("retention_period"))
                .as("retention on Kubernetes (" + LOKI_HELM_VALUES.getFileName() + ") and in Compose")
                .isEqualTo(map(compose.get("limits_config")).get("retention_period"));
    }

    // ------------------------------------------------------------------------------------------ Backups

    @Test
    void postgresArchivesItsWalAndIsBackedUpEveryDayToAnObjectStoreWithRetention() {
        List<Map<String, Object>> docs = rendered();
        List<Map<String, Object>> clusters = ofKind(docs, "Cluster");
        assertThat(clusters).as("CloudNativePG clusters").isNotEmpty();
        Map<String, Map<String, Object>> stores = new TreeMap<>();
        ofKind(docs, "ObjectStore").forEach(store -> stores.put(name(store), store));
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> cluster : clusters) {
            String name = name(cluster);
            Map<String, Object> spec = map(cluster.get("spec"));
            if (map(spec.get("backup")).containsKey("barmanObjectStore")) {
                problems.add(
                        name + ": in-tree spec.backup.barmanObjectStore (deprecated): use the Barman Cloud Plugin");
            }
            Map<String, Object> archiver = maps(spec.get("plugins")).stream()
                    .filter(plugin -> BARMAN_CLOUD.equals(plugin.get("name")))
                    .filter(plugin -> Boolean.TRUE.equals(plugin.get("isWALArchiver")))
                    .findFirst()
                    .orElse(Map.of());
            String storeName = String.valueOf(map(archiver.get("parameters")).get("barmanObjectName"));
            Map<String, Object> store = stores.get(storeName);
            if (archiver.isEmpty()) {
                problems.add(name + ": no " + BARMAN_CLOUD + " plugin with isWALArchiver: true (no WAL archive, no"
                        + " point-in-time recovery)");
            } else if (store == null) {
                problems.add(name + ": archives to the ObjectStore " + storeName + ", which is not rendered");
            } else {
                Map<String, Object> storeSpec = map(store.get("spec"));
                if (!String.valueOf(storeSpec.get("retentionPolicy")).matches("[1-9][0-9]*[dwm]")) {
                    problems.add(storeName + ": no retentionPolicy (backups kept for ever, or the bucket fills)");
                }
                if (String.valueOf(map(storeSpec.get("configuration")).getOrDefault("destinationPath", ""))
                        .isBlank()) {
                    problems.add(storeName + ": no destinationPath");
                }
            }
            List<Map<String, Object>> schedules = ofKind(docs, "ScheduledBackup").stream()
                    .map(backup -> map(backup.get("spec")))
                    .filter(backup -> name.equals(map(backup.get("cluster")).get("name")))
                    .toList();
            if (schedules.isEmpty()) {
                problems.add(name + ": no ScheduledBackup (WAL without base backups cannot be restored)");
            }
            for (Map<String, Object> schedule : schedules) {
                if (!"plugin".equals(schedule.get("method"))
                        || !BARMAN_CLOUD.equals(
                                map(schedule.get("pluginConfiguration")).get("name"))) {
                    problems.add(name + ": a ScheduledBackup not taken by the " + BARMAN_CLOUD + " plugin"
                            + " (method: plugin, pluginConfiguration.name)");
                }
                if (String.valueOf(schedule.get("schedule")).trim().split("\\s+").length != 6) {
                    problems.add(name + ": ScheduledBackup schedule " + schedule.get("schedule")
                            + " is not six fields (CloudNativePG's cron starts with seconds)");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void createSecretsMakesEverySecretTheOperatorsRead() {
        assumeTrue(
                onPath("bash") && onPath("openssl") && onPath("kubectl"),
                "bash, openssl or kubectl is not on the PATH: create-secrets.sh was not run");
        List<Map<String, Object>> docs = rendered();
        // name -> keys the manifests read from it
        Map<String, Set<String>> read = new TreeMap<>();
        for (Map<String, Object> cluster : ofKind(docs, "Cluster")) {
            for (Map<String, Object> role :
                    maps(map(map(cluster.get("spec")).get("managed")).get("roles"))) {
                Map<String, Object> secret = map(role.get("passwordSecret"));
                if (!secret.isEmpty()) {
                    read.computeIfAbsent(String.valueOf(secret.get("name")), n -> new TreeSet<>())
                            .addAll(List.of("username", "password"));
                }
            }
        }
        for (Map<String, Object> store : ofKind(docs, "ObjectStore")) {
            // s3Credentials: accessKeyId, secretAccessKey (and sessionToken, region), each a Secret's name and key
            for (Object credential : map(map(map(store.get("spec")).get("configuration"))
                            .get("s3Credentials"))
                    .values()) {
                Map<String, Object> ref = map(credential);
                if (ref.containsKey("name")) {
                    read.computeIfAbsent(String.valueOf(ref.get("name")), n -> new TreeSet<>())
                            .add(String.valueOf(ref.get("key")));
                }
            }
        }
        assertThat(read).as("Secrets CloudNativePG and its backup plugin read").isNotEmpty();

        Path script = DEPLOY.resolve("kubernetes/create-secrets.sh");
        Path file = Path.of("").toAbsolutePath().resolve("target/create-secrets-check.env");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, run(ROOT, "bash", script.toString(), "--generate"), StandardCharsets.UTF_8);
            Map<String, Set<String>> made = new TreeMap<>();
            for (Object doc : yaml().loadAll(run(ROOT, "bash", script.toString(), file.toString()))) {
                Map<String, Object> secret = map(doc);
                if ("Secret".equals(secret.get("kind"))) {
                    made.put(name(secret), new TreeSet<>(map(secret.get("data")).keySet()));
                }
            }
            List<String> problems = new ArrayList<>();
            read.forEach((secret, keys) -> {
                if (!made.containsKey(secret)) {
                    problems.add(secret + ": not made by create-secrets.sh");
                } else if (!made.get(secret).containsAll(keys)) {
                    problems.add(secret + ": has " + made.get(secret) + ", the manifests read " + keys);
                }
            });
            assertThat(problems).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(file); // fresh random keys, but keys all the same
            } catch (IOException ignored) {
                // target/ is cleaned anyway
            }
        }
    }

    @Test
    void theRecoveryComponentRecreatesTheSameClusterFromItsArchiveUnderANewServerName() {
        assumeTrue(onPath("kubectl"), "kubectl is not on the PATH: the recovery component was not rendered");
        Path overlay = Path.of("").toAbsolutePath().resolve("target/recovery-overlay");
        List<Map<String, Object>> docs;
        try {
            Files.createDirectories(overlay);
            Files.writeString(
                    overlay.resolve("kustomization.yaml"),
                    "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - "
                            + overlay.relativize(OVERLAY) + "\ncomponents:\n  - "
                            + overlay.relativize(RECOVERY_COMPONENT) + "\n",
                    StandardCharsets.UTF_8);
            docs = new ArrayList<>();
            for (Object doc : yaml().loadAll(run(ROOT, "kubectl", "kustomize", overlay.toString()))) {
                if (doc != null) {
                    docs.add(map(doc));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> stores = new TreeSet<>();
        ofKind(docs, "ObjectStore").forEach(store -> stores.add(name(store)));
        List<Map<String, Object>> clusters = ofKind(docs, "Cluster");
        assertThat(clusters).as("Clusters with the recovery component").hasSize(1);
        Map<String, Object> cluster = clusters.getFirst();
        assertThat(name(cluster))
                .as("the restored Cluster's name (the services' openhire-postgres-rw)")
                .isEqualTo(name(ofKind(rendered(), "Cluster").getFirst()));
        Map<String, Object> spec = map(cluster.get("spec"));
        String source =
                String.valueOf(map(map(spec.get("bootstrap")).get("recovery")).get("source"));
        Map<String, Object> external = maps(spec.get("externalClusters")).stream()
                .filter(c -> source.equals(c.get("name")))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("bootstrap.recovery.source " + source + " is not an externalCluster"));
        Map<String, Object> from = map(map(external.get("plugin")).get("parameters"));
        assertThat(map(external.get("plugin")).get("name")).isEqualTo(BARMAN_CLOUD);
        assertThat(stores).as("ObjectStores").contains(String.valueOf(from.get("barmanObjectName")));
        Map<String, Object> archiver = maps(spec.get("plugins")).stream()
                .filter(plugin -> Boolean.TRUE.equals(plugin.get("isWALArchiver")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the restored Cluster archives no WAL"));
        Object archivesAs = map(archiver.get("parameters")).get("serverName");
        assertThat(archivesAs)
                .as("the restored cluster's server name: neither the one it restores from nor the lost cluster's")
                .isNotNull()
                .isNotEqualTo(from.get("serverName"))
                .isNotEqualTo(name(cluster));

        // Nothing but the Cluster changes.
        List<Map<String, Object>> others =
                docs.stream().filter(d -> !"Cluster".equals(d.get("kind"))).toList();
        List<Map<String, Object>> before = rendered().stream()
                .filter(d -> !"Cluster".equals(d.get("kind")))
                .toList();
        assertThat(others)
                .as("everything but the Cluster, with and without the recovery component")
                .isEqualTo(before);
    }

    @Test
    void aDeploymentOnAReadWriteOnceClaimRunsOneReplicaReplacedByRecreateWithoutAnAutoscaler() {
        List<Map<String, Object>> docs = rendered();
        Set<String> readWriteOnce = new TreeSet<>();
        for (Map<String, Object> claim : ofKind(docs, "PersistentVolumeClaim")) {
            if (list(map(claim.get("spec")).get("accessModes")).contains("ReadWriteOnce")) {
                readWriteOnce.add(name(claim));
            }
        }
        Set<String> autoscaled = new TreeSet<>();
        ofKind(docs, "HorizontalPodAutoscaler")
                .forEach(hpa -> autoscaled.add(String.valueOf(
                        map(map(hpa.get("spec")).get("scaleTargetRef")).get("name"))));
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Map<String, Object> deployment : ofKind(docs, "Deployment")) {
            boolean onClaim = maps(podSpec(deployment).get("volumes")).stream()
                    .map(volume -> String.valueOf(
                            map(volume.get("persistentVolumeClaim")).get("claimName")))
                    .anyMatch(readWriteOnce::contains);
            if (!onClaim) {
                continue;
            }
            checked++;
            String name = name(deployment);
            Map<String, Object> spec = map(deployment.get("spec"));
            if (!Integer.valueOf(1).equals(spec.get("replicas"))) {
                problems.add(name + ": replicas " + spec.get("replicas") + ", not 1 (a ReadWriteOnce volume)");
            }
            if (!"Recreate".equals(map(spec.get("strategy")).get("type"))) {
                problems.add(name + ": not replaced by Recreate (the new pod would wait for the old one's volume)");
            }
            if (autoscaled.contains(name)) {
                problems.add(name + ": has a HorizontalPodAutoscaler");
            }
        }
        assertThat(checked)
                .as("Deployments on a ReadWriteOnce claim (MinIO, privacy)")
                .isGreaterThanOrEqualTo(2);
        assertThat(problems).isEmpty();
    }

    @Test
    void theErasureLedgerIsKeptOnAVolumeThatOutlivesThePod() {
        // Kubernetes: on a PersistentVolumeClaim, not the read-only root filesystem or an emptyDir.
        Map<String, Object> privacy = workloads(rendered()).get("privacy");
        String path = kubernetesVariable(rendered(), privacy, LEDGER);
        assertThat(path).as("privacy's " + LEDGER + " on Kubernetes").isNotBlank();
        Map<String, Object> volume =
                mountedAt(containers(privacy).getFirst(), maps(podSpec(privacy).get("volumes")), path);
        assertThat(map(volume.get("persistentVolumeClaim")).get("claimName"))
                .as("the volume " + path + " is on (Kubernetes)")
                .isNotNull();

        // Compose: on a named volume, and storage's backups too.
        Map<String, Object> compose = map(loadOne(COMPOSE));
        Set<String> named = map(compose.get("volumes")).keySet();
        for (String[] service :
                new String[][] {{"privacy", LEDGER}, {"storage", "OPENHIRE_STORAGE_BACKUPS_DIRECTORY"}}) {
            Map<String, Object> definition = map(composeServices().get(service[0]));
            String file = String.valueOf(environment(definition).get(service[1]));
            String source = list(definition.get("volumes")).stream()
                    .map(String::valueOf)
                    .filter(v -> v.contains(":") && isUnder(file, v.split(":")[1]))
                    .map(v -> v.split(":")[0])
                    .findFirst()
                    .orElse("");
            assertThat(named)
                    .as(service[0] + "'s " + service[1] + "=" + file + " is on a named volume (Compose)")
                    .contains(source);
        }
    }

    @Test
    void composeBacksUpEveryServicesDatabase() {
        Map<String, Object> compose = composeServices();
        Map<String, Object> storage = environment(map(compose.get("storage")));
        List<String> problems = new ArrayList<>();
        for (String variable : List.of("OPENHIRE_STORAGE_BACKUPS_DIRECTORY", "OPENHIRE_STORAGE_BACKUPS_KEY")) {
            if (String.valueOf(storage.getOrDefault(variable, "")).isBlank()) {
                problems.add("storage: no " + variable);
            }
        }
        int databases = 0;
        for (String service : services()) {
            String dbUrl =
                    "OPENHIRE_" + service.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_DB_URL";
            Object url = environment(map(compose.get(service))).get(dbUrl);
            if (url == null) {
                continue;
            }
            databases++;
            String backup = "OPENHIRE_STORAGE_BACKUPS_DATABASES_" + service.toUpperCase(java.util.Locale.ROOT);
            if (!url.equals(storage.get(backup + "_URL"))) {
                problems.add(service + ": its database " + url + " is not backed up (" + backup + "_URL is "
                        + storage.get(backup + "_URL") + ")");
            }
            for (String credential : List.of("_USERNAME", "_PASSWORD")) {
                if (storage.get(backup + credential) == null) {
                    problems.add(service + ": no " + backup + credential);
                }
            }
        }
        assertThat(databases).as("services with a database in Compose").isPositive();
        assertThat(problems).isEmpty();
    }

    @Test
    void composeTakesFromTheEnvFileOnlyWhatEnvExampleNames() {
        String example = read(COMPOSE.resolveSibling(".env.example"));
        Set<String> keys = envFileKeys(COMPOSE.resolveSibling(".env.example"));
        Matcher reference = COMPOSE_VARIABLE.matcher(read(COMPOSE));
        Set<String> missing = new TreeSet<>();
        Set<String> undocumented = new TreeSet<>();
        while (reference.find()) {
            String variable = reference.group(1);
            boolean hasDefault =
                    reference.group(2) != null && reference.group(2).endsWith("-");
            if (!hasDefault && !keys.contains(variable)) {
                missing.add(variable);
            } else if (hasDefault
                    && !keys.contains(variable)
                    && !Pattern.compile("(?m)^#\\s*" + variable + "=")
                            .matcher(example)
                            .find()) {
                undocumented.add(variable);
            }
        }
        assertThat(missing)
                .as("variables the Compose file requires from .env that .env.example does not have")
                .isEmpty();
        assertThat(undocumented)
                .as("optional variables of the Compose file .env.example does not show (as `# NAME=example`)")
                .isEmpty();
    }

    // ------------------------------------------------------------------------------------------ Alerts

    @Test
    void everyAlertRuleHasAnExpressionADurationASeverityAndASummary() {
        Map<String, Object> alerts = map(loadOne(ALERTS));
        List<Map<String, Object>> groups = maps(alerts.get("groups"));
        assertThat(groups).as("rule groups").isNotEmpty();
        List<String> problems = new ArrayList<>();
        int rules = 0;
        for (Map<String, Object> group : groups) {
            for (Map<String, Object> rule : maps(group.get("rules"))) {
                rules++;
                String name = String.valueOf(rule.get("alert"));
                if (rule.get("alert") == null) {
                    problems.add(group.get("name") + ": a rule without a name");
                }
                if (String.valueOf(rule.getOrDefault("expr", "")).isBlank()) {
                    problems.add(name + ": no expr");
                }
                if (rule.get("for") == null) {
                    problems.add(name + ": no for");
                }
                if (!List.of("critical", "warning", "info")
                        .contains(String.valueOf(map(rule.get("labels")).get("severity")))) {
                    problems.add(name + ": labels.severity is not critical, warning or info");
                }
                if (String.valueOf(map(rule.get("annotations")).getOrDefault("summary", ""))
                        .isBlank()) {
                    problems.add(name + ": no annotations.summary");
                }
            }
        }
        assertThat(rules).as("rules").isPositive();
        assertThat(problems).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The services: every {@code services/<group>/<name>-app} module. */
    static Set<String> services() {
        try (Stream<Path> groups = Files.list(ROOT.resolve("services"))) {
            Set<String> names = new TreeSet<>();
            groups.filter(Files::isDirectory).forEach(group -> {
                try (Stream<Path> modules = Files.list(group)) {
                    modules.filter(m -> m.getFileName().toString().endsWith("-app"))
                            .filter(m -> Files.isRegularFile(applicationYml(m)))
                            .forEach(m -> names.add(m.getFileName().toString().replaceFirst("-app$", "")));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertThat(names)
                    .as("service modules under " + ROOT.resolve("services"))
                    .isNotEmpty();
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path applicationYml(Path appModule) {
        return appModule.resolve("src/main/resources/application.yml");
    }

    static Path applicationYml(String service) {
        try (Stream<Path> groups = Files.list(ROOT.resolve("services"))) {
            return groups.map(group -> applicationYml(group.resolve(service + "-app")))
                    .filter(Files::isRegularFile)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no application.yml for " + service));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The OPENHIRE_* variables the service reads without a default (or with an empty one). */
    static Set<String> requiredVariables(String service) {
        Set<String> required = new TreeSet<>();
        Matcher matcher = REQUIRED.matcher(read(applicationYml(service)));
        while (matcher.find()) {
            required.add(matcher.group(1));
        }
        return required;
    }

    static int defaultPort(String service) {
        Matcher matcher = PORT.matcher(read(applicationYml(service)));
        assertThat(matcher.find())
                .as(service + "'s server.port in its application.yml")
                .isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    static synchronized List<Map<String, Object>> rendered() {
        if (rendered == null) {
            assumeTrue(
                    onPath("kubectl"),
                    "kubectl is not on the PATH: the Kubernetes manifests were not rendered or checked");
            String yaml =
                    run(ROOT, "kubectl", "kustomize", ROOT.relativize(OVERLAY).toString());
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : yaml().loadAll(yaml)) {
                if (doc != null) {
                    docs.add(map(doc));
                }
            }
            assertThat(docs).as("rendered resources").isNotEmpty();
            rendered = docs;
        }
        return rendered;
    }

    /**
     * The files under deploy/ whose name ends with {@code suffix}, sorted; build output ({@code target/}
     * directories, which may hold an image's root filesystem) is not deploy/'s and is not walked.
     */
    static List<Path> deployFiles(String suffix) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(DEPLOY, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(
                        Path dir, java.nio.file.attribute.BasicFileAttributes attributes) {
                    return dir.getFileName().toString().equals("target")
                            ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                            : java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(
                        Path file, java.nio.file.attribute.BasicFileAttributes attributes) {
                    if (file.getFileName().toString().endsWith(suffix)) {
                        found.add(file);
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found.stream().sorted().toList();
    }

    /** A variable as a workload's first container gets it: its own env, else its ConfigMaps (the service's wins). */
    static String kubernetesVariable(List<Map<String, Object>> docs, Map<String, Object> workload, String variable) {
        Map<String, Object> container = containers(workload).getFirst();
        for (Map<String, Object> env : maps(container.get("env"))) {
            if (variable.equals(env.get("name"))) {
                return String.valueOf(env.get("value"));
            }
        }
        String value = null;
        for (Map<String, Object> from : maps(container.get("envFrom"))) {
            String configMap = String.valueOf(map(from.get("configMapRef")).get("name"));
            for (Map<String, Object> candidate : ofKind(docs, "ConfigMap")) {
                Object set = map(candidate.get("data")).get(variable);
                if (configMap.equals(name(candidate)) && set != null) {
                    value = String.valueOf(set);
                }
            }
        }
        return value;
    }

    /** The pod volume mounted at the deepest mount path that holds {@code path}. */
    static Map<String, Object> mountedAt(
            Map<String, Object> container, List<Map<String, Object>> volumes, String path) {
        Map<String, Object> mount = maps(container.get("volumeMounts")).stream()
                .filter(m -> isUnder(path, String.valueOf(m.get("mountPath"))))
                .max(java.util.Comparator.comparing(
                        m -> String.valueOf(m.get("mountPath")).length()))
                .orElseThrow(() -> new AssertionError(path + " is on no volume (the root filesystem is read-only)"));
        return volumes.stream()
                .filter(v -> mount.get("name").equals(v.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + mount.get("name")));
    }

    static boolean isUnder(String path, String directory) {
        String dir = directory.endsWith("/") ? directory : directory + "/";
        return path.equals(directory) || path.startsWith(dir);
    }

    static Map<String, Map<String, Object>> workloads(List<Map<String, Object>> docs) {
        Map<String, Map<String, Object>> workloads = new TreeMap<>();
        for (Map<String, Object> doc : docs) {
            if (List.of("Deployment", "StatefulSet").contains(doc.get("kind"))) {
                workloads.put(name(doc), doc);
            }
        }
        return workloads;
    }

    static Map<String, Object> podSpec(Map<String, Object> workload) {
        return map(map(map(workload.get("spec")).get("template")).get("spec"));
    }

    static List<Map<String, Object>> containers(Map<String, Object> workload) {
        assertThat(workload).as("workload").isNotNull();
        return maps(podSpec(workload).get("containers"));
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    static String name(Map<String, Object> resource) {
        return String.valueOf(map(resource.get("metadata")).get("name"));
    }

    /** Grafana's provisioned data sources, by uid. */
    static Map<String, Map<String, Object>> grafanaDataSources() {
        Map<String, Map<String, Object>> sources = new TreeMap<>();
        try (Stream<Path> files = Files.list(GRAFANA.resolve("provisioning/datasources"))) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList()) {
                for (Map<String, Object> source : maps(map(loadOne(file)).get("datasources"))) {
                    sources.put(String.valueOf(source.get("uid")), source);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(sources).as("Grafana data sources").isNotEmpty();
        return sources;
    }

    static Map<String, Object> ofType(Map<String, Map<String, Object>> sources, String type) {
        return sources.values().stream()
                .filter(source -> type.equals(source.get("type")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Grafana data source of type " + type));
    }

    /** Every value of the key, at any depth. */
    static void collect(Object node, String key, List<Object> into) {
        if (node instanceof Map<?, ?> entries) {
            entries.forEach((name, value) -> {
                if (key.equals(name)) {
                    into.add(value);
                }
                collect(value, key, into);
            });
        } else if (node instanceof List<?> elements) {
            elements.forEach(element -> collect(element, key, into));
        }
    }

    static Map<String, Object> composeServices() {
        return map(map(loadOne(COMPOSE)).get("services"));
    }

    /** A Compose service's environment, written as a map or as a list of KEY=VALUE. */
    static Map<String, Object> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        if (environment instanceof List<?> entries) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Object entry : entries) {
                String text = String.valueOf(entry);
                int equals = text.indexOf('=');
                map.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? null : text.substring(equals + 1));
            }
            return map;
        }
        return map(environment);
    }

    static Set<String> envFileKeys(Path file) {
        Set<String> keys = new LinkedHashSet<>();
        for (String line : read(file).split("\n")) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
                keys.add(trimmed.substring(0, trimmed.indexOf('=')).trim());
            }
        }
        return keys;
    }

    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(200);
        return new Yaml(new SafeConstructor(options));
    }

    static Object loadOne(Path file) {
        Object loaded = yaml().load(read(file));
        assertThat(loaded).as(file.toString()).isNotNull();
        return loaded;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<Object> list(Object value) {
        return value instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }

    static List<Map<String, Object>> maps(Object value) {
        return list(value).stream().map(DeployManifestsTest::map).toList();
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command in a directory; answers its standard output, failing with its error output. */
    static String run(Path directory, String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).directory(directory.toFile()).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
            }
            assertThat(process.exitValue())
                    .as("%s exited with %d:%n%s", String.join(" ", command), process.exitValue(), err.join())
                    .isZero();
            return out.join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String drain(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
