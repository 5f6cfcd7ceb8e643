package org.imageproc.testing;

/**
 * The property locations of route tests, for {@code @CamelMainTest(propertyPlaceholderLocations = ...)}: the
 * service's application.properties under route-test.properties, which leaves out package scanning, the YAML routes,
 * the HTTP servers, JMX and the retry waits. A route test names its routes and binds its fakes ({@link TestBeans});
 * its own routes are lambdas, never RouteBuilder classes, which the service's package scan would find.
 */
public final class RouteTests {

    public static final String PROPERTIES = "classpath:route-test.properties";
    public static final String APPLICATION = "classpath:application.properties";

    private RouteTests() {
    }
}
