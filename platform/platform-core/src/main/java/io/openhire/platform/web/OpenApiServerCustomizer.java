package io.openhire.platform.web;

import io.openhire.platform.security.AuthenticatedUser;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

/**
 * Every service's OpenAPI document names the gateway (the platform's public URL) as its server, so
 * "Try it out" in the aggregated Swagger UI goes through the gateway, and declares bearer tokens.
 */
public class OpenApiServerCustomizer implements OpenApiCustomizer {

    static {
        // The caller comes from the access token, not from request parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(AuthenticatedUser.class);
    }

    private final String publicUrl;
    private final String serviceName;

    public OpenApiServerCustomizer(String publicUrl, String serviceName) {
        this.publicUrl = publicUrl;
        this.serviceName = serviceName;
    }

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        openApi.setInfo(new Info().title("OpenHire " + serviceName + " API").version("v1"));
        if (publicUrl != null) {
            openApi.setServers(List.of(new Server().url(publicUrl).description("OpenHire API gateway")));
        }
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents()
                .addSecuritySchemes(
                        "bearer",
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT"));
        openApi.addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
