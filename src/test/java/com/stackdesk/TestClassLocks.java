package com.stackdesk;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.BootstrapWith;

/**
 * What keeps two test classes from running at the same time, now that JUnit runs two classes at once
 * in one JVM (see {@code test.threads} in the pom): a class never runs beside another class of its
 * family (a PostgreSQL twin inherits the H2 class's static fields, such as its GreenMail server, and
 * the browser tests share one Chromium through {@code BrowserTest}), nor beside a class that shares
 * its cached Spring context (both would write to and count the same database). Put it on a test
 * class with {@code @ResourceLock(providers = TestClassLocks.class)}; {@link IntegrationTest} and
 * {@link ModuleTest} carry it.
 */
public final class TestClassLocks implements ResourceLocksProvider {

    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
        var locks = new HashSet<Lock>();
        locks.add(new Lock("test family " + familyOf(testClass).getName()));
        if (MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY).isPresent(BootstrapWith.class)) {
            // equal merged configurations are what Spring's context cache shares a context by
            var context =
                    BootstrapUtils.resolveTestContextBootstrapper(testClass).buildMergedContextConfiguration();
            locks.add(new Lock("spring context " + Integer.toHexString(context.hashCode())));
        }
        return locks;
    }

    /** The topmost class of ours that the test class extends, or the class itself. */
    private static Class<?> familyOf(Class<?> testClass) {
        var family = testClass;
        while (family.getSuperclass() != null
                && family.getSuperclass().getPackageName().startsWith("com.stackdesk")) {
            family = family.getSuperclass();
        }
        return family;
    }
}
