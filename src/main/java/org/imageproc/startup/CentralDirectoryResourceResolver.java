package org.imageproc.startup;

import java.io.InputStream;
import java.util.List;
import java.util.function.Predicate;

import org.apache.camel.support.scan.DefaultPackageScanResourceResolver;

/** Camel's resource scanner (routes-include-pattern), listing a jar's files from its central directory. */
final class CentralDirectoryResourceResolver extends DefaultPackageScanResourceResolver {

    @Override
    protected List<String> doLoadImplementationsInJar(String packageName, InputStream stream, String urlPath,
            Predicate<String> filter) {
        // the same choice as Camel's: what the filter accepts, or by default every file but classes
        Predicate<String> accepted = filter != null ? filter : name -> !name.endsWith(".class");
        return JarEntries.files(urlPath, stream)
                .map(names -> names.stream().filter(accepted).filter(name -> name.startsWith(packageName)).toList())
                .orElseGet(() -> super.doLoadImplementationsInJar(packageName, stream, urlPath, filter));
    }
}
