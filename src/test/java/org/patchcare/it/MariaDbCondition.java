package org.patchcare.it;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * In the MariaDB integration run, skips every test with a clear message when MariaDB is unreachable on a
 * developer's machine. Under CI=true nothing is skipped: the tests then fail, as they must.
 */
public class MariaDbCondition implements ExecutionCondition {

    private static volatile String cachedReason;
    private static volatile boolean checked;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!"mariadb".equals(System.getenv("PATCHCARE_IT_DB")) || MariaDb.requiredHere()) {
            return ConditionEvaluationResult.enabled("not a MariaDB run, or CI=true");
        }
        if (!checked) {
            cachedReason = MariaDb.unavailableReason();
            checked = true;
        }
        return cachedReason == null ? ConditionEvaluationResult.enabled("MariaDB reachable")
                : ConditionEvaluationResult.disabled("MariaDB tests skipped: MariaDB at " + MariaDb.host() + ":"
                + MariaDb.port() + " is unreachable (" + cachedReason + "). They run, and must pass, under CI=true.");
    }
}
