package org.imageproc;

import org.apache.camel.main.Main;

/** Starts the service: camel-main scans this package for configurations and routes, and loads the YAML routes. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        new Main(Application.class).run(args);
    }
}
