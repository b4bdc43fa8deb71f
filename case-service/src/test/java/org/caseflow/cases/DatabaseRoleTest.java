package org.caseflow.cases;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.caseflow.infra.TestInfrastructure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** case-service reaches PostgreSQL with a role of its own that owns its database and nothing else. */
class DatabaseRoleTest extends CaseServiceIntegrationTest {

    @Test
    void theServiceConnectsAsItsOwnRoleWhichIsNoSuperuserAndOwnsItsTables() {
        Map<String, Object> role = jdbc.sql("select current_user as name, rolsuper from pg_roles where rolname = current_user")
                .query().singleRow();

        assertThat(role).containsEntry("name", "case_service").containsEntry("rolsuper", false);
        assertThat(jdbc.sql("select count(*) from pg_tables where schemaname = 'public' and tableowner <> current_user")
                .query(Long.class).single()).as("every table is its own").isZero();
    }

    @Test
    void itsRoleReachesNoOtherServicesDatabase() {
        String workflowDatabase = TestInfrastructure.shared().postgres().database("workflow_service");

        assertThatThrownBy(() -> DriverManager.getConnection(workflowDatabase, "case_service", "case_service").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
    }
}
