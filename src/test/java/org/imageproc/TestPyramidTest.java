package org.imageproc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps {@code mvn test} the unit and route tests: a test class that starts the service, a local stack, a browser,
 * the packaged jar or another process is an integration test, named *IT, which failsafe runs in {@code mvn verify}.
 */
@AnalyzeClasses(packages = "org.imageproc", importOptions = ImportOption.OnlyIncludeTests.class)
class TestPyramidTest {

    private static final Set<String> STARTERS = Set.of("org.imageproc.TestService",
            "org.imageproc.local.StackClients", "org.imageproc.local.StackInChildJvm",
            "org.imageproc.aws.AwsModeService", "org.imageproc.web.BrowserAndService", "org.imageproc.web.Browser",
            "org.imageproc.testing.ServiceJar", "java.lang.ProcessBuilder");
    private static final Set<String> STARTING = Set.of("get", "start", "startWithLocalDetector");

    @ArchTest
    static final ArchRule aTestThatStartsSomethingIsAnIntegrationTest = noClasses()
            .that().haveSimpleNameEndingWith("Test")
            // named in pom.xml: failsafe runs them under their old names while they are being changed elsewhere
            .and().doNotHaveFullyQualifiedName("org.imageproc.deploy.RoutesConfigMapTest")
            .and().doNotHaveFullyQualifiedName("org.imageproc.deploy.KustomizeOverlayTest")
            .and().doNotHaveFullyQualifiedName("org.imageproc.observe.StartupSummaryTest")
            .should().callCodeUnitWhere(DescribedPredicate.describe(
                    "start the service, a local stack, a browser, the jar or a process",
                    (JavaCall<?> call) -> STARTERS.contains(call.getTargetOwner().getName())
                            && STARTING.contains(call.getName())))
            .because("mvn test runs in well under 90 s on two cores, so that it can run all the time");
}
