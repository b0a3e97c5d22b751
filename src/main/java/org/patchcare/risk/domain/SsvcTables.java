package org.patchcare.risk.domain;

/**
 * The two official SSVC tables PatchCare decides with (CERT/CC SSVC, data/csv/ssvc):
 * <ul>
 *   <li>Human Impact v2.0.2 = Safety Impact v2.0.1 × Mission Impact v2.0.0 (16 rows, {@code human_impact_1_0_0.csv});</li>
 *   <li>Deployer patch application priority = Exploitation v1.1.0 × System Exposure v1.0.1 × Automatable v2.0.0 ×
 *       Human Impact v2.0.2 (72 rows, {@code deployer_patch_application_priority_1_0_0.csv}).</li>
 * </ul>
 * Rows are held in the CSV's own order, one letter per row; a table-driven test compares every row with the CSV.
 */
public final class SsvcTables {

    /** Rows in the order safety (negligible … catastrophic) then mission (degraded … mission failure). */
    private static final String HUMAN = "LLMV" + "LLMV" + "MHHV" + "VVVV";

    /**
     * Rows in the order exploitation (none, public PoC, active), system exposure (small, controlled, open),
     * automatable (no, yes), human impact (low … very high): D defer, S scheduled, O out-of-cycle, I immediate.
     */
    private static final String DEPLOYER =
            "DDSS" + "DSSS" + "DSSS" + "SSSS" + "DSSS" + "SSSO"
                    + "DSSS" + "SSSS" + "DSSS" + "SSSO" + "SSSO" + "SSOO"
                    + "SSOO" + "SOOO" + "SSOO" + "OOOO" + "SOOI" + "OOII";

    private SsvcTables() {
    }

    public static HumanImpact humanImpact(SafetyImpact safety, MissionImpact mission) {
        return switch (HUMAN.charAt(safety.ordinal() * 4 + mission.ordinal())) {
            case 'L' -> HumanImpact.LOW;
            case 'M' -> HumanImpact.MEDIUM;
            case 'H' -> HumanImpact.HIGH;
            default -> HumanImpact.VERY_HIGH;
        };
    }

    public static Outcome outcome(Exploitation e, SystemExposure x, Automatable a, HumanImpact h) {
        int row = ((e.ordinal() * 3 + x.ordinal()) * 2 + a.ordinal()) * 4 + h.ordinal();
        return switch (DEPLOYER.charAt(row)) {
            case 'D' -> Outcome.DEFER;
            case 'S' -> Outcome.SCHEDULED;
            case 'O' -> Outcome.OUT_OF_CYCLE;
            default -> Outcome.IMMEDIATE;
        };
    }
}
