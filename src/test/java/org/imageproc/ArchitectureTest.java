package org.imageproc;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The walls of the code, each a named rule: the product apart from the local stack and the detector, the run at the
 * bottom, and no package cycle. A rule that breaks names the classes that crossed.
 */
@AnalyzeClasses(packages = "org.imageproc", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The packages of the service itself: everything but the local stack, the detector and the composition root. */
    private static final String[] PRODUCT = {"..album..", "..aws..", "..backfill..", "..catalog..", "..config..",
        "..deadletter..", "..decode..", "..imaging..", "..ingest..", "..job..", "..labels..", "..memory..",
        "..metadata..", "..observe..", "..outage..", "..photo..", "..pipeline..", "..routes..", "..run..", "..search..",
        "..stop..", "..storage..", "..thumbnail..", "..web.."};

    private static final String LOCAL = "org.imageproc.local..";
    private static final String DETECTOR = "org.imageproc.detector..";

    @ArchTest
    static final ArchRule theProductNeverReachesTheLocalStackOrTheDetector = noClasses()
            .that().resideInAnyPackage(PRODUCT).or().resideInAPackage("org.imageproc")
            .should().dependOnClassesThat().resideInAnyPackage(LOCAL, DETECTOR)
            .because("local mode plugs in through the aws.LocalStack seam, and labels come through the Rekognition"
                    + " API, so the lean jar can leave both out");

    @ArchTest
    static final ArchRule theProductNeverUsesTheLocalStacksLibraries = noClasses()
            .that().resideInAnyPackage(PRODUCT).or().resideInAPackage("org.imageproc")
            .should().dependOnClassesThat().resideInAnyPackage("org.gaul..", "org.jclouds..", "org.elasticmq..",
                    "org.apache.pekko..", "org.h2..", "scala..", "org.eclipse.jetty..", "jakarta.servlet..",
                    "ai.onnxruntime..")
            .because("the lean jar (mvn -Dlean package) has none of them");

    @ArchTest
    static final ArchRule theLocalStackPlugsInOnlyThroughTheSeam = classes()
            .that().resideInAPackage(LOCAL)
            .should().onlyDependOnClassesThat(not(resideInAPackage("org.imageproc..")).or(resideInAnyPackage(
                    LOCAL, DETECTOR, "org.imageproc.imaging..", "org.imageproc.run..")).or(seam()))
            .because("endpoints and clients go in through aws.LocalStack, nothing else of the product comes out");

    @ArchTest
    static final ArchRule theDetectorKnowsOnlyTheSharedDecoder = classes()
            .that().resideInAPackage(DETECTOR)
            .should().onlyDependOnClassesThat(not(resideInAPackage("org.imageproc..")).or(resideInAnyPackage(
                    DETECTOR, "org.imageproc.imaging..", "org.imageproc.run..")))
            .because("the detector is reached through the Rekognition API and shares only the decoder");

    @ArchTest
    static final ArchRule aRunIsAtTheBottom = classes()
            .that().resideInAPackage("org.imageproc.run..")
            .should().onlyDependOnClassesThat(not(resideInAPackage("org.imageproc..")).or(
                    resideInAPackage("org.imageproc.run..")))
            .because("the run, its statuses, failure codes and exchange variables are what every step shares");

    @ArchTest
    static final ArchRule theSharedDecoderStandsOnTheRunAlone = classes()
            .that().resideInAPackage("org.imageproc.imaging..")
            .should().onlyDependOnClassesThat(not(resideInAPackage("org.imageproc..")).or(
                    resideInAnyPackage("org.imageproc.imaging..", "org.imageproc.run..")));

    @ArchTest
    static final ArchRule configurationStandsAlone = classes()
            .that().resideInAPackage("org.imageproc.config..")
            .should().onlyDependOnClassesThat(not(resideInAPackage("org.imageproc..")).or(
                    resideInAPackage("org.imageproc.config..")));

    @ArchTest
    static final ArchRule nothingReachesBackIntoTheCompositionRoot = noClasses()
            .that().resideOutsideOfPackage("org.imageproc")
            .should().dependOnClassesThat().resideInAPackage("org.imageproc")
            .because("Application and ServiceConfiguration wire everything; nothing wires them");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("org.imageproc.(*)..").should().beFreeOfCycles();

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> seam() {
        return JavaClass.Predicates.belongToAnyOf(org.imageproc.aws.LocalStack.class,
                org.imageproc.aws.LocalStackLauncher.class, org.imageproc.aws.LocalStackSettings.class,
                org.imageproc.aws.UploadLedger.class);
    }
}
