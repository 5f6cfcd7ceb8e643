package org.imageproc.routes;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.main.DefaultRoutesCollector;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.FileUtil;
import org.imageproc.config.Config;

/**
 * camel-main's route collector, told which YAML files to load: the built-in ones that
 * camel.main.routes-include-pattern finds, with imageproc.routes.dir replacing and adding files
 * (see {@link RouteFiles}).
 */
public class RouteFilesCollector extends DefaultRoutesCollector {

    private List<RouteFile> logged;

    @Override
    public Collection<Resource> findRouteResourcesFromDirectory(CamelContext camelContext, String excludePattern,
            String includePattern) {
        // built-in files are kept as found: inside the jar their location cannot be resolved a second time
        Map<String, Resource> builtIn = new LinkedHashMap<>();
        for (Resource resource : super.findRouteResourcesFromDirectory(camelContext, excludePattern, includePattern)) {
            builtIn.put(FileUtil.stripPath(resource.getLocation()), resource);
        }
        Map<String, String> builtInLocations = new LinkedHashMap<>();
        builtIn.forEach((name, resource) -> builtInLocations.put(name, resource.getLocation()));
        Config config = new Config(camelContext.getPropertiesComponent());
        List<RouteFile> files = RouteFiles.resolve(builtInLocations, config.optional(RouteFiles.DIR_KEY),
                config.flag(RouteFiles.RELOAD_KEY));
        // camel-main asks twice (pre-parsing, then loading); one report is enough
        if (!files.equals(logged)) {
            files.forEach(file -> log.info("Route file {} from {} ({})",
                    file.name(), file.location(), file.origin().words()));
            logged = files;
        }
        return files.stream()
                .map(file -> file.origin() == RouteFile.Origin.BUILT_IN ? builtIn.get(file.name())
                        : PluginHelper.getResourceLoader(camelContext).resolveResource(file.location()))
                .toList();
    }
}
