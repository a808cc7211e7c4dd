package dev.fairway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layout (docs/architecture.md), checked on the compiled classes with ArchUnit:
 * arrows point one way, the database code knows nothing of golf or HTTP, and the tee sheet
 * knows nothing of ours at all.
 */
class ArchitectureTest {

    static JavaClasses fairway;

    @BeforeAll
    static void importClasses() {
        fairway = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.fairway");
    }

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.fairway.(**)").should().beFreeOfCycles();

    static final ArchRule DB_KNOWS_NO_GOLF_AND_NO_HTTP = noClasses().that().resideInAPackage("dev.fairway.db..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.fairway.availability..", "dev.fairway.bookings..",
                    "dev.fairway.courses..", "dev.fairway.teesheet..", "dev.fairway.web..")
            .because("the database code serves any feature and is reached through HTTP by none");

    static final ArchRule TEESHEET_IS_PURE = noClasses().that().resideInAPackage("dev.fairway.teesheet..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.fairway.teesheet..", "java..")
            .because("the tee sheet is the domain: rules and the grid, no I/O and nothing of ours");

    @Test
    void packages_have_no_cycles() {
        NO_PACKAGE_CYCLES.check(fairway);
    }

    @Test
    void db_imports_no_feature_and_no_web() {
        DB_KNOWS_NO_GOLF_AND_NO_HTTP.check(fairway);
    }

    @Test
    void teesheet_imports_nothing_of_ours_and_no_library() {
        TEESHEET_IS_PURE.check(fairway);
    }

    /** The rules can fail: each is checked against classes that break it. */
    @Test
    void each_rule_fails_on_a_forbidden_import() {
        JavaClasses broken = new ClassFileImporter().importClasses(
                dev.fairway.arch.cycle.a.ImportsB.class, dev.fairway.arch.cycle.b.ImportsA.class);
        assertThatThrownBy(() -> slices().matching("dev.fairway.arch.(**)").should().beFreeOfCycles().check(broken))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle");

        JavaClasses dbUsingWeb = new ClassFileImporter().importClasses(dev.fairway.db.arch.UsesWeb.class,
                dev.fairway.web.Problems.class);
        assertThatThrownBy(() -> DB_KNOWS_NO_GOLF_AND_NO_HTTP.check(dbUsingWeb)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("dev.fairway.web.Problems");

        JavaClasses teesheetUsingDb = new ClassFileImporter().importClasses(dev.fairway.teesheet.arch.UsesDb.class,
                dev.fairway.db.Deadline.class);
        assertThatThrownBy(() -> TEESHEET_IS_PURE.check(teesheetUsingDb)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("dev.fairway.db.Deadline");
    }
}
