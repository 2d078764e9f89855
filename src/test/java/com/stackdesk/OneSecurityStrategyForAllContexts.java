package com.stackdesk;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every test context the same Vaadin-aware security holder strategy. Vaadin puts its
 * context's strategy into the static {@link SecurityContextHolder} whenever a context starts, and
 * each strategy keeps the signed-in user in a thread-local of its own. With two test classes running
 * at once on different contexts, one would sign in on its strategy while the other's start replaced
 * the static one that the services read. One instance for all (Vaadin's bean is skipped when one
 * exists) keeps each thread's user on that thread, as in production, where there is one context.
 */
class OneSecurityStrategyForAllContexts implements ContextCustomizerFactory {

    private static final SecurityContextHolderStrategy SHARED = new VaadinAwareSecurityContextHolderStrategy();

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new SharedStrategy();
    }

    /** Equal to every other instance: the same in every context's cache key. */
    private record SharedStrategy() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getBeanFactory().registerSingleton("sharedTestSecurityContextHolderStrategy", SHARED);
            SecurityContextHolder.setContextHolderStrategy(SHARED);
        }
    }
}
