package org.imageproc.testing;

import java.util.function.Consumer;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/**
 * Binds a route test's beans, its fakes, before the routes are made, as ServiceConfiguration binds the service's
 * ({@code MainConfigurationProperties.addConfiguration}). The service's package scan finds this class too when a test
 * starts the whole service; made by that scan, without a binder, it binds nothing.
 */
public final class TestBeans implements CamelConfiguration {

    private final Consumer<CamelContext> binder;

    public TestBeans() {
        this(context -> { });
    }

    public TestBeans(Consumer<CamelContext> binder) {
        this.binder = binder;
    }

    @Override
    public void configure(CamelContext context) {
        binder.accept(context);
    }
}
