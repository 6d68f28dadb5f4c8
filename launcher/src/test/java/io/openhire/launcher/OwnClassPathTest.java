package io.openhire.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnClassPathTest {

    private static final String THYMELEAF =
            "org/springframework/boot/thymeleaf/autoconfigure/ThymeleafAutoConfiguration.class";

    @Test
    void tellsWhichJarOrModuleAResourceComesFrom() {
        assertThat(OwnClassPath.containerOf(
                        "jar:nested:/opt/openhire/launcher.jar/!BOOT-INF/lib/spring-boot-thymeleaf-4.0.8.jar!/"
                                + THYMELEAF,
                        THYMELEAF))
                .isEqualTo("spring-boot-thymeleaf-4.0.8.jar");
        assertThat(OwnClassPath.containerOf(
                        "jar:file:/root/.m2/repository/x/spring-boot-thymeleaf-4.0.8.jar!/" + THYMELEAF, THYMELEAF))
                .isEqualTo("spring-boot-thymeleaf-4.0.8.jar");
        assertThat(OwnClassPath.containerOf(
                        "jar:nested:/opt/openhire/launcher.jar/!BOOT-INF/classes/!/io/openhire/launcher/boot/ServiceBoot.class",
                        "io/openhire/launcher/boot/ServiceBoot.class"))
                .isEqualTo("BOOT-INF/classes");
        assertThat(OwnClassPath.containerOf(
                        "file:/work/main/services/gateway/gateway/target/classes/io/openhire/gateway/X.class",
                        "io/openhire/gateway/X.class"))
                .isEqualTo("gateway");
        assertThat(OwnClassPath.containerOf(
                        "file:/work/main/launcher/target/test-classes/io/openhire/launcher/X.class",
                        "io/openhire/launcher/X.class"))
                .isEqualTo("launcher/test-classes");
        assertThat(OwnClassPath.containerOf("jrt:/java.base/java/lang/String.class", "java/lang/String.class"))
                .isNull();
    }

    @Test
    void aServiceSeesItsOwnLibrariesAndNotTheOthers() throws Exception {
        // the gateway is built with Spring Cloud Gateway; identity is not, though both are on this class path
        OwnClassPath gateway = OwnClassPath.of("gateway", getClass().getClassLoader());
        OwnClassPath identity = OwnClassPath.of("identity", getClass().getClassLoader());
        String gatewayServer = "org.springframework.cloud.gateway.server.mvc.GatewayServerMvcAutoConfiguration";

        assertThat(gateway.loadClass(gatewayServer)).isNotNull();
        assertThat(classVisible(identity, gatewayServer)).isFalse();
        assertThat(identity.getResource(gatewayServer.replace('.', '/') + ".class"))
                .isNull();
        // shared, not reloaded: the same class as the launcher's
        assertThat(identity.loadClass("io.openhire.platform.web.ProblemException"))
                .isSameAs(io.openhire.platform.web.ProblemException.class);
        assertThat(classVisible(identity, "java.lang.String")).isTrue();
    }

    private static boolean classVisible(ClassLoader loader, String name) {
        try {
            loader.loadClass(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
