package jp.madoguchi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The architecture, verified: application modules without cycles that use only each other's public API (Spring
 * Modulith), a portal and an identity module that never depend on the resident register, and a kit that depends on
 * nothing but the JDK and ZXing.
 */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(MadoguchiApplication.class);
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("jp.madoguchi");

    @Test
    void modulesHaveNoCyclesAndUseOnlyPublicApis() {
        MODULES.verify();
    }

    @Test
    void thePortalNeverDependsOnTheResidentRegister() {
        noClasses().that().resideInAPackage("jp.madoguchi.portal..")
                .should().dependOnClassesThat().resideInAPackage("jp.madoguchi.resident..")
                .check(CLASSES);
    }

    @Test
    void theGuideAndTheCatalogNeverNeedTheResidentRegister() {
        noClasses().that().resideInAnyPackage("jp.madoguchi.guide..", "jp.madoguchi.catalog..")
                .should().dependOnClassesThat().resideInAPackage("jp.madoguchi.resident..")
                .check(CLASSES);
    }

    @Test
    void onlineApplicationsAndResidentIdentityNeverReadTheRegister() {
        // The portal side of applications stores what the resident submitted; only the office's casework compares
        // it with the register (through the audited path).
        noClasses().that().resideInAnyPackage("jp.madoguchi.application..", "jp.madoguchi.identity..")
                .should().dependOnClassesThat().resideInAPackage("jp.madoguchi.resident..")
                .check(CLASSES);
    }

    @Test
    void theKitIsPlainJava() {
        classes().that().resideInAPackage("jp.madoguchi.kit..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.imageio..",
                        "jp.madoguchi.kit..", "com.google.zxing..")
                .check(CLASSES);
    }
}
