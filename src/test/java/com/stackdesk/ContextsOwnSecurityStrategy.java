package com.stackdesk;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Makes the test's own application context's security holder strategy the static one before each
 * test. Vaadin installs a strategy of its own in the static {@link SecurityContextHolder} whenever a
 * context starts, so the last context started wins; a test class that reuses an older cached
 * context would otherwise sign in on its context's strategy (as {@code @WithUserDetails} does)
 * while the services read another. In production there is only one context.
 */
public final class ContextsOwnSecurityStrategy extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        // before Spring Security's WithSecurityContextTestExecutionListener (10,000) signs anyone in
        return 9_000;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        testContext
                .getApplicationContext()
                .getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }
}
