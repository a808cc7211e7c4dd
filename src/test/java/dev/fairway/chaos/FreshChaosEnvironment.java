package dev.fairway.chaos;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test that takes a {@link ChaosEnvironment} parameter one of its own, started for
 * it and closed when it ends (JUnit closes what its store holds), so no fault outlives its test.
 */
public final class FreshChaosEnvironment implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FreshChaosEnvironment.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ChaosEnvironment.class;
    }

    @Override
    public ChaosEnvironment resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .computeIfAbsent(ChaosEnvironment.class, type -> ChaosEnvironment.start(), ChaosEnvironment.class);
    }
}
