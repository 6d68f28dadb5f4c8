package io.openhire.launcher;

import io.openhire.launcher.boot.ServiceBoot;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.io.DefaultResourceLoader;

/** How the all-in-one makes a service's Spring application: its configuration, on its own class path. */
final class ServiceApplications {

    private ServiceApplications() {}

    static SpringApplication of(ServiceModule service) {
        // The class loader must be known when the application is made: its initializers and listeners
        // (spring.factories) are looked up right then.
        OwnClassPath classPath = OwnClassPath.of(service.name(), AllInOne.class.getClassLoader());
        SpringApplication application =
                new SpringApplication(new DefaultResourceLoader(classPath), ServiceBoot.class, service.configuration());
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setRegisterShutdownHook(false);
        application.setLogStartupInfo(false);
        return application;
    }
}
