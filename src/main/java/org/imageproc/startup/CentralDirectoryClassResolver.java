package org.imageproc.startup;

import java.io.InputStream;
import java.util.List;

import org.apache.camel.support.scan.DefaultPackageScanClassResolver;

/** Camel's class scanner (base-package-scan), listing a jar's classes from its central directory. */
final class CentralDirectoryClassResolver extends DefaultPackageScanClassResolver {

    @Override
    protected List<String> doLoadJarClassEntries(InputStream stream, String urlPath) {
        return JarEntries.files(urlPath, stream)
                .map(names -> names.stream().filter(name -> name.endsWith(".class")).toList())
                .orElseGet(() -> super.doLoadJarClassEntries(stream, urlPath));
    }
}
