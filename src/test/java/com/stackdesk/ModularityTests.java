package com.stackdesk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is a module; dependencies between them run one way, through their APIs.
 * Repositories live in each module's {@code internal} package (or are package-private), so {@code
 * verify()} fails when one module calls another's repository: routing calling {@code Leads.save},
 * for instance, is reported as "Module 'routing' depends on non-exposed type
 * com.stackdesk.lead.internal.Leads within module 'lead'".
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(StackdeskApplication.class);

    @Test
    void modulesDependOnEachOtherOnlyThroughTheirApis() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagrams() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
