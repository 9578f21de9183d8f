package jp.madoguchi.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import jp.madoguchi.platform.TenantContext;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * A JDBC transaction manager that puts the current tenant into the transaction-local PostgreSQL setting
 * {@code madoguchi.tenant} at the start of every transaction. Row-level security policies read it; when the
 * transaction ends PostgreSQL forgets it, so a pooled connection never carries one municipality's tenant into
 * another's work.
 */
class TenantAwareTransactionManager extends JdbcTransactionManager {

    TenantAwareTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        try (PreparedStatement statement = connection.prepareStatement(
                "select set_config('madoguchi.tenant', ?, true)")) {
            statement.setString(1, TenantContext.current().orElse(""));
            statement.execute();
        }
    }
}
