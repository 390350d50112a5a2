package org.finassist.rag.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.finassist.rag.KnowledgeStore;
import org.finassist.rag.store.pgvector.PgVectorKnowledgeStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The store contract on the real PostgreSQL with pgvector, in schema {@code rag_test}. */
class PgVectorKnowledgeStoreIT extends KnowledgeStoreContract {

    static final String SCHEMA = "rag_test";

    static PGSimpleDataSource dataSource;

    @BeforeAll
    static void connect() {
        dataSource = TestPostgres.dataSource();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected KnowledgeStore newStore() {
        KnowledgeStore s = PgVectorKnowledgeStore.builder().dataSource(dataSource).schema(SCHEMA).dimension(DIM).build();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE " + SCHEMA + ".kb_chunk, " + SCHEMA + ".kb_document, " + SCHEMA + ".kb_term, "
                    + SCHEMA + ".kb_stats");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return s;
    }

    @Test
    void tokensAreStoredUnsplitByPostgresParser() throws SQLException {
        put("kb1", "d.md", "h", chunk("kb1", "d.md", 0, "T+1交收与融资融券", axis(0)));
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT tokens::text FROM " + SCHEMA + ".kb_chunk")) {
            rs.next();
            assertThat(rs.getString(1)).contains("'t+1'").contains("'融资融券'").contains("'融券'");
        }
    }
}
