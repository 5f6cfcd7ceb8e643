package org.imageproc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.imageproc.testing.TestBeans;

/**
 * Keeps {@code mvn test} the unit and route tests: a test class that starts the service, a local stack, a browser,
 * the packaged jar or another process is an integration test, named *IT, which failsafe runs in {@code mvn verify};
 * and no test class is a route or configuration that the service started by an integration test would pick up.
 */
@AnalyzeClasses(packages = "org.imageproc", importOptions = ImportOption.OnlyIncludeTests.class)
class TestPyramidTest {

    private static final Set<String> STARTERS = Set.of("org.imageproc.TestService",
            "org.imageproc.local.StackClients", "org.imageproc.local.StackInChildJvm",
            "org.imageproc.aws.AwsModeService", "org.imageproc.web.BrowserSession", "org.imageproc.web.Browser",
            "org.imageproc.testing.ServiceJar", "java.lang.ProcessBuilder");
    private static final Set<String> STARTING = Set.of("get", "start", "startWithLocalDetector", "withService",
            "withSharedService");
    // by name: archunit.properties leaves library classes unresolved, so a class's library supertypes are only names
    private static final Set<String> SCANNED = Set.of("org.apache.camel.RoutesBuilder",
            "org.apache.camel.builder.RouteBuilder", "org.apache.camel.builder.endpoint.EndpointRouteBuilder",
            "org.apache.camel.builder.AdviceWithRouteBuilder", "org.apache.camel.builder.RouteConfigurationBuilder",
            "org.apache.camel.CamelConfiguration");

    @ArchTest
    static final ArchRule aTestThatStartsSomethingIsAnIntegrationTest = noClasses()
            .that().haveSimpleNameEndingWith("Test")
            .should().callCodeUnitWhere(DescribedPredicate.describe(
                    "start the service, a local stack, a browser, the jar or a process",
                    (JavaCall<?> call) -> STARTERS.contains(call.getTargetOwner().getName())
                            && STARTING.contains(call.getName())))
            .because("mvn test runs in well under 90 s on two cores, so that it can run all the time");

    @ArchTest
    static final ArchRule testCodeHasNoRoutesOrConfigurationsForTheServicesScan = noClasses()
            .that().doNotHaveFullyQualifiedName(TestBeans.class.getName())
            .should().beAssignableTo(DescribedPredicate.describe("a route or configuration Camel scans for",
                    (JavaClass type) -> SCANNED.contains(type.getName())))
            .orShould().beAnnotatedWith("org.apache.camel.Configuration")
            .because("the service scans org.imageproc for them (camel.main.base-package-scan), test classes too, in"
                    + " every test that starts it; a route test's routes are lambdas");
}
