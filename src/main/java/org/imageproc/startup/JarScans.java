package org.imageproc.startup;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.spi.PackageScanClassResolver;
import org.apache.camel.spi.PackageScanResourceResolver;

/** Gives a context the scanners that list jars from their central directories, before camel-main scans anything. */
public final class JarScans {

    private JarScans() {
    }

    public static CamelContext install(CamelContext context) {
        ExtendedCamelContext extension = context.getCamelContextExtension();
        extension.addContextPlugin(PackageScanClassResolver.class, new CentralDirectoryClassResolver());
        extension.addContextPlugin(PackageScanResourceResolver.class, new CentralDirectoryResourceResolver());
        return context;
    }
}
