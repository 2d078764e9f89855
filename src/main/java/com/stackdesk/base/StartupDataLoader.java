package com.stackdesk.base;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Loads every {@link StartupData} once all beans exist: before the context starts its lifecycle
 * beans, the web server and the schedulers among them.
 */
@Component
class StartupDataLoader implements SmartInitializingSingleton {

    private final ObjectProvider<StartupData> data;

    StartupDataLoader(ObjectProvider<StartupData> data) {
        this.data = data;
    }

    @Override
    public void afterSingletonsInstantiated() {
        data.orderedStream().forEach(StartupData::load);
    }
}
