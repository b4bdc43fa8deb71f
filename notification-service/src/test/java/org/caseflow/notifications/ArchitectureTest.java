package org.caseflow.notifications;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The packages keep to their parts: Kafka only in the listeners, no cycles, nothing depends on the web layer. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.caseflow.notifications");

    @Test
    void kafkaStaysInTheListeners() {
        noClasses().that().resideOutsideOfPackage("..notifications.dispatch..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.kafka..")
                .check(CLASSES);
    }

    @Test
    void routingAndTextsKnowNothingOfDeliveryOrTheWeb() {
        noClasses().that().resideInAnyPackage("..notifications.routing..", "..notifications.texts..",
                        "..notifications.directory..", "..notifications.inbox..")
                .should().dependOnClassesThat().resideInAnyPackage("..notifications.delivery..", "..notifications.web..",
                        "..notifications.dispatch..", "jakarta.mail..", "java.net.http..")
                .check(CLASSES);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("org.caseflow.notifications.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
