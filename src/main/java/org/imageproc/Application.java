package org.imageproc;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.imageproc.routes.RouteFilesCollector;
import org.imageproc.startup.JarScans;

/** Starts the service: camel-main scans this package for configurations and routes, and loads the YAML routes. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        camelMain().run(args);
    }

    /** The service as camel-main runs it, YAML routes chosen by {@link RouteFilesCollector}; tests start the same. */
    public static Main camelMain() {
        Main main = new Main(Application.class) {
            @Override
            protected CamelContext createCamelContext() {
                return JarScans.install(super.createCamelContext());
            }
        };
        main.setRoutesCollector(new RouteFilesCollector());
        return main;
    }
}
