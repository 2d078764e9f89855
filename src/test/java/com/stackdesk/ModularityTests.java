package com.stackdesk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Each top-level package is a module; dependencies between them run one way, through their APIs. */
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
