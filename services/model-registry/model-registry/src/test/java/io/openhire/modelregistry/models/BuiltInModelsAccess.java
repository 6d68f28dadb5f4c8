package io.openhire.modelregistry.models;

import org.springframework.context.ApplicationContext;

/** Lets an IT run the built-in registration again, as the next start of an instance does. */
public final class BuiltInModelsAccess {

    private BuiltInModelsAccess() {}

    public static void seedAgain(ApplicationContext context) {
        context.getBean(BuiltInModels.class).seed();
    }
}
