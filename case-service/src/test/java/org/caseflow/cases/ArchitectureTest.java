package org.caseflow.cases;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The case record stays plain Java; the adapters around it depend on it, never the other way round. */
@AnalyzeClasses(packages = "org.caseflow.cases", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theCaseRecordKnowsNoFramework = noClasses().that().resideInAPackage("..cases.casefile..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "org.apache.avro..", "org.caseflow.events..", "org.caseflow.messaging..", "jakarta..", "java.sql..");

    @ArchTest
    static final ArchRule theCaseRecordDependsOnNoAdapter = noClasses().that().resideInAPackage("..cases.casefile..")
            .should().dependOnClassesThat().resideInAnyPackage("..cases.web..", "..cases.persistence..", "..cases.timeline..",
                    "..cases.reporting..");

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices().matching("org.caseflow.cases.(*)..").should().beFreeOfCycles();
}
