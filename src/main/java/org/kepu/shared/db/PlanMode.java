package org.kepu.shared.db;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How PostgreSQL plans the statements of the current transaction. Every pooled connection starts with
 * {@code force_custom_plan} ({@code EmbeddedDatabaseConfig.CONNECTION_INIT_SQL}, and the pool's connection-init-sql
 * for an external server): scope filters need plans made for the bound division path. A transaction whose plans do
 * not depend on the bound values switches here; {@code set local} ends with the transaction, so the connection goes
 * back to the pool as it came. Outside a transaction these have no effect.
 */
public final class PlanMode {

    private PlanMode() {
    }

    /** PostgreSQL decides whether to reuse a plan ({@code auto}): for statements whose plan is the same for any value. */
    public static void reuseInTransaction(JdbcClient jdbc) {
        jdbc.sql("set local plan_cache_mode = auto").update();
    }

    /** Always reuse ({@code force_generic_plan}): for bulk writes, whose values would otherwise be planned row by row. */
    public static void genericInTransaction(JdbcClient jdbc) {
        jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
    }

    /** Back to the pool's default within the transaction ({@code force_custom_plan}). */
    public static void customInTransaction(JdbcClient jdbc) {
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
    }
}
