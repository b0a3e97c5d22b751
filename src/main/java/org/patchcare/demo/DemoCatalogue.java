package org.patchcare.demo;

import org.patchcare.inventory.domain.Connectivity;
import org.patchcare.inventory.domain.Criticality;
import org.patchcare.inventory.domain.MissionImpact;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Real manufacturers and models, most of them named in CISA's medical advisories (ICSMA), with the kind of
 * operating systems and network placement they typically have. Used only to generate demo data.
 */
final class DemoCatalogue {

    record Maker(String name, List<String> aliases) {
    }

    record Model(String maker, String name, String modelNumber, String type, LocalDate endOfSupport,
                 Criticality criticality, Connectivity connectivity, List<String> departments, String os,
                 String osVersion, String software, boolean phi, int weight, int oldestYear) {
    }

    static final List<Maker> MAKERS = List.of(
            new Maker("Philips", List.of("Phillips", "Philips Healthcare", "Koninklijke Philips N.V.")),
            new Maker("Becton, Dickinson and Company (BD)", List.of("BD", "Becton Dickinson", "CareFusion")),
            new Maker("Medtronic", List.of("Medtronic plc", "Covidien")),
            new Maker("Baxter", List.of("Baxter International Inc.", "Baxter Healthcare")),
            new Maker("GE Healthcare", List.of("General Electric (GE)", "GE", "General Electric", "GE Medical Systems")),
            new Maker("Siemens Healthineers", List.of("Siemens", "Siemens Healthcare", "Siemens Medical Solutions")),
            new Maker("B. Braun Medical", List.of("B. Braun", "B. Braun Melsungen AG")),
            new Maker("Hillrom", List.of("Hill-Rom", "Welch Allyn")),
            new Maker("Smiths Medical", List.of()),
            new Maker("Dräger", List.of("Draeger", "Drägerwerk AG")),
            new Maker("Hamilton Medical AG", List.of("Hamilton Medical")),
            new Maker("Fresenius Kabi", List.of()),
            new Maker("Roche Diagnostics", List.of("Roche")),
            new Maker("Abbott Laboratories", List.of("Abbott", "St. Jude Medical")),
            new Maker("Carestream", List.of("Carestream Health")),
            new Maker("Fujifilm", List.of("FUJIFILM Medical Systems")),
            new Maker("Natus Medical, Inc. (Natus)", List.of("Natus", "Natus Medical")),
            new Maker("Innokas Yhtymä Oy", List.of("Innokas")),
            new Maker("Spacelabs", List.of("Spacelabs Healthcare")),
            new Maker("ZOLL", List.of("ZOLL Medical")),
            new Maker("Stryker", List.of()),
            new Maker("Vyaire Medical", List.of("Vyaire")));

    private static LocalDate d(int y, int m) {
        return LocalDate.of(y, m, 1);
    }

    static final List<String> CRIT = List.of("ED", "ICU", "NICU", "OR");

    /** What a department loses while one of its devices is down; departments not named keep the default. */
    static final Map<String, MissionImpact> MISSION_IMPACT = Map.of(
            "ED", MissionImpact.MEF_FAILURE, "ICU", MissionImpact.MEF_FAILURE, "OR", MissionImpact.MEF_FAILURE,
            "NICU", MissionImpact.MEF_FAILURE, "MAT", MissionImpact.MEF_FAILURE,
            "OPD", MissionImpact.DEGRADED, "ADMIN", MissionImpact.DEGRADED);

    /**
     * Whether device number {@code i} of this model has a spare: fleet devices (pumps, monitors, ventilators,
     * defibrillators, cabinets) mostly do, one-off systems do not. No random draw, so the rest of the data stays put.
     */
    static boolean redundant(Model spec, int i) {
        return spec.weight() >= 6 && i % 4 != 0;
    }

    static final List<Model> MODELS = List.of(
            // Imaging: long-lived, Windows-based, on the clinical network
            new Model("GE Healthcare", "1.5T Signa HDx", "S8000", "MRI scanner", d(2016, 12), Criticality.DIAGNOSTIC,
                    Connectivity.CLINICAL_NETWORK, List.of("RAD"), "Windows", "XP SP3", "HD16.0_V02", true, 2, 2003),
            new Model("GE Healthcare", "Optima MR360", "MR360", "MRI scanner", d(2024, 6), Criticality.DIAGNOSTIC,
                    Connectivity.CLINICAL_NETWORK, List.of("RAD"), "Windows", "7 Embedded", "SV25.1", true, 1, 2012),
            new Model("Siemens Healthineers", "MAGNETOM Avanto", "10185", "MRI scanner", d(2018, 3), Criticality.DIAGNOSTIC,
                    Connectivity.CLINICAL_NETWORK, List.of("RAD", "ONC"), "Windows", "XP Embedded", "syngo MR B17", true, 1, 2004),
            new Model("Siemens Healthineers", "SOMATOM Definition AS", "10430", "CT scanner", d(2027, 9), Criticality.DIAGNOSTIC,
                    Connectivity.CLINICAL_NETWORK, List.of("RAD", "ED"), "Windows", "10 IoT LTSC", "syngo CT VA48", true, 2, 2010),
            new Model("GE Healthcare", "Optima CT660", "CT660", "CT scanner", d(2025, 12), Criticality.DIAGNOSTIC,
                    Connectivity.CLINICAL_NETWORK, List.of("RAD", "ED"), "Linux", "RHEL 6", "gmp_vct.49", true, 2, 2011),
            new Model("Philips", "Brilliance 64", "728231", "CT scanner", d(2019, 6), Criticality.DIAGNOSTIC,
                    Connectivity.CLINICAL_NETWORK, List.of("RAD"), "Windows", "7", "4.1.6", true, 1, 2006),
            new Model("GE Healthcare", "Discovery XR656", "XR656", "X-ray system", d(2026, 6), Criticality.DIAGNOSTIC,
                    Connectivity.CLINICAL_NETWORK, List.of("RAD", "ED"), "Windows", "7", "DX 1.0.4", true, 2, 2012),
            new Model("Fujifilm", "FCR Capsula X", "CR-IR 357", "CR reader", d(2020, 3), Criticality.DIAGNOSTIC,
                    Connectivity.CLINICAL_NETWORK, List.of("RAD"), "Windows", "XP", "V3.0", true, 1, 2005),
            new Model("Carestream", "DRX-Evolution Plus", "DRX-EVO", "X-ray system", d(2029, 12), Criticality.DIAGNOSTIC,
                    Connectivity.CLINICAL_NETWORK, List.of("RAD"), "Windows", "10 IoT LTSC", "5.7", true, 1, 2016),
            new Model("GE Healthcare", "Centricity PACS-IW", "PACS-IW", "PACS workstation", d(2017, 12), Criticality.NON_CLINICAL,
                    Connectivity.HOSPITAL_NETWORK, List.of("RAD", "CARD", "ONC", "ADMIN"), "Windows", "7", "3.7.3.9", true, 3, 2008),
            new Model("Philips", "IntelliSpace PACS Enterprise", "ISPACS", "PACS workstation", d(2028, 6), Criticality.NON_CLINICAL,
                    Connectivity.HOSPITAL_NETWORK, List.of("RAD", "CARD", "ED"), "Windows", "10 Enterprise", "4.4.553", true, 3, 2016),
            new Model("GE Healthcare", "LOGIQ E9", "LOGIQ-E9", "Ultrasound", d(2023, 12), Criticality.DIAGNOSTIC,
                    Connectivity.CLINICAL_NETWORK, List.of("RAD", "CARD", "MAT", "ED"), "Windows", "7 Embedded", "R6", true, 3, 2011),
            // Patient monitoring
            new Model("Philips", "IntelliVue MX450", "866062", "Patient monitor", d(2030, 12), Criticality.LIFE_SUPPORTING,
                    Connectivity.CLINICAL_NETWORK, List.of("ICU", "ED", "OR", "NICU", "CARD"), "Embedded", "VxWorks 6", "M.00.03", false, 14, 2015),
            new Model("Philips", "IntelliVue MP70", "M8007A", "Patient monitor", d(2021, 12), Criticality.LIFE_SUPPORTING,
                    Connectivity.CLINICAL_NETWORK, List.of("ICU", "OR", "NICU"), "Embedded", "VxWorks 5.5", "J.10.50", false, 10, 2005),
            new Model("Philips", "IntelliVue Information Center iX", "866389", "Central station", d(2027, 3), Criticality.LIFE_SUPPORTING,
                    Connectivity.CLINICAL_NETWORK, List.of("ICU", "ED", "NICU", "CARD"), "Windows", "Server 2016", "C.02.01", true, 2, 2016),
            new Model("GE Healthcare", "CARESCAPE Monitor B650", "B650", "Patient monitor", d(2028, 12), Criticality.LIFE_SUPPORTING,
                    Connectivity.CLINICAL_NETWORK, List.of("ICU", "OR", "ED"), "Embedded", "QNX 6.5", "2.0.4", false, 10, 2013),
            new Model("GE Healthcare", "CARESCAPE Central Station", "CSCS", "Central station", d(2026, 3), Criticality.LIFE_SUPPORTING,
                    Connectivity.CLINICAL_NETWORK, List.of("ICU", "ED"), "Windows", "7 Embedded", "2.0", true, 2, 2012),
            new Model("GE Healthcare", "ApexPro Telemetry Server", "APEX", "Telemetry server", d(2020, 12), Criticality.LIFE_SUPPORTING,
                    Connectivity.CLINICAL_NETWORK, List.of("CARD"), "Windows", "Server 2008 R2", "4.2", true, 1, 2009),
            new Model("Spacelabs", "Xprezzon 91393", "91393", "Patient monitor", d(2027, 6), Criticality.LIFE_SUPPORTING,
                    Connectivity.CLINICAL_NETWORK, List.of("ED", "OR"), "Embedded", "Linux 3.x", "3.04", false, 4, 2013),
            new Model("Hillrom", "Welch Allyn Connex Vital Signs Monitor", "CVSM 6000", "Vital signs monitor", d(2029, 6), Criticality.DIAGNOSTIC,
                    Connectivity.CLINICAL_NETWORK, List.of("ONC", "MAT", "DIAL", "ED", "PEDS", "OPD"), "Embedded", "Windows CE 6", "2.43.02", true, 8, 2014),
            // Infusion
            new Model("Becton, Dickinson and Company (BD)", "Alaris PC Unit Model 8015", "8015", "Infusion pump", d(2031, 12), Criticality.LIFE_SUSTAINING,
                    Connectivity.CLINICAL_NETWORK, List.of("ICU", "ED", "ONC", "OR", "NICU", "PEDS"), "Embedded", "Proprietary", "12.1.2", false, 30, 2014),
            new Model("Becton, Dickinson and Company (BD)", "Alaris 8000 PC unit", "8000", "Infusion pump", d(2016, 6), Criticality.LIFE_SUSTAINING,
                    Connectivity.STANDALONE, List.of("ONC", "DIAL"), "Embedded", "Proprietary", "9.12", false, 6, 2002),
            new Model("Baxter", "Sigma Spectrum LVP", "35700", "Infusion pump", d(2027, 12), Criticality.LIFE_SUSTAINING,
                    Connectivity.CLINICAL_NETWORK, List.of("ICU", "ED", "OR"), "Embedded", "Proprietary", "8.00.01", false, 18, 2013),
            new Model("B. Braun Medical", "SpaceStation with SpaceCom 2", "8713142U", "Infusion docking station", d(2028, 6), Criticality.LIFE_SUPPORTING,
                    Connectivity.CLINICAL_NETWORK, List.of("ICU", "NICU"), "Embedded", "Linux", "A12.1", false, 6, 2016),
            new Model("Smiths Medical", "Medfusion 4000", "4000", "Syringe pump", d(2026, 12), Criticality.LIFE_SUSTAINING,
                    Connectivity.CLINICAL_NETWORK, List.of("NICU", "ICU"), "Embedded", "Proprietary", "1.6.1", false, 8, 2012),
            new Model("Fresenius Kabi", "Agilia Connect", "Z024", "Infusion pump", d(2032, 6), Criticality.LIFE_SUSTAINING,
                    Connectivity.CLINICAL_NETWORK, List.of("ICU", "OR"), "Embedded", "Proprietary", "3.3", false, 8, 2018),
            // Ventilation and anaesthesia
            new Model("Hamilton Medical AG", "HAMILTON-T1", "161006", "Ventilator", d(2030, 6), Criticality.LIFE_SUSTAINING,
                    Connectivity.ISOLATED_NETWORK, List.of("ICU", "ED"), "Embedded", "Proprietary", "2.2.4", false, 10, 2014),
            new Model("Dräger", "Evita Infinity V500", "8419000", "Ventilator", d(2029, 12), Criticality.LIFE_SUSTAINING,
                    Connectivity.ISOLATED_NETWORK, List.of("ICU", "NICU"), "Embedded", "Windows CE 5", "2.51", false, 10, 2010),
            new Model("Vyaire Medical", "bellavista 1000e", "1000e", "Ventilator", d(2031, 6), Criticality.LIFE_SUSTAINING,
                    Connectivity.ISOLATED_NETWORK, List.of("ICU"), "Embedded", "Linux", "6.0", false, 4, 2017),
            new Model("GE Healthcare", "Aisys CS2", "1011-9000-000", "Anesthesia machine", d(2028, 12), Criticality.LIFE_SUSTAINING,
                    Connectivity.CLINICAL_NETWORK, List.of("OR"), "Embedded", "VxWorks", "11SP06", false, 8, 2012),
            new Model("Dräger", "Infinity Delta", "MS18986", "Patient monitor", d(2019, 12), Criticality.LIFE_SUPPORTING,
                    Connectivity.CLINICAL_NETWORK, List.of("OR", "ICU"), "Embedded", "Proprietary", "VF8", false, 6, 2004),
            // Cardiology and implant programmers
            new Model("Medtronic", "CareLink 2090 Programmer", "2090", "Implant programmer", d(2022, 12), Criticality.THERAPEUTIC_NON_CRITICAL,
                    Connectivity.HOSPITAL_NETWORK, List.of("CARD"), "Windows", "XP Embedded", "2.1", true, 3, 2006),
            new Model("Abbott Laboratories", "Merlin PCS Programmer", "3650", "Implant programmer", d(2025, 6), Criticality.THERAPEUTIC_NON_CRITICAL,
                    Connectivity.HOSPITAL_NETWORK, List.of("CARD"), "Windows", "7 Embedded", "24.2.3", true, 2, 2010),
            new Model("Hillrom", "Welch Allyn ELI 380 Resting Electrocardiograph", "ELI380", "ECG", d(2027, 12), Criticality.DIAGNOSTIC,
                    Connectivity.HOSPITAL_NETWORK, List.of("CARD", "ED", "OPD"), "Embedded", "Windows CE 7", "2.3.1", true, 5, 2014),
            new Model("ZOLL", "R Series ALS", "R-ALS", "Defibrillator", d(2027, 6), Criticality.LIFE_SUSTAINING,
                    Connectivity.STANDALONE, List.of("ED", "ICU", "OR", "CARD"), "Embedded", "Proprietary", "23.03", false, 10, 2009),
            new Model("Stryker", "LIFEPAK 15", "V15-2", "Defibrillator", d(2030, 12), Criticality.LIFE_SUSTAINING,
                    Connectivity.STANDALONE, List.of("ED"), "Embedded", "Proprietary", "3508212-006", false, 4, 2012),
            // Dialysis
            new Model("Baxter", "PrisMax", "PRISMAX", "CRRT system", d(2033, 12), Criticality.LIFE_SUSTAINING,
                    Connectivity.CLINICAL_NETWORK, List.of("ICU", "DIAL"), "Embedded", "Linux", "3.2", false, 4, 2019),
            new Model("Baxter", "Phoenix Hemodialysis Delivery System", "PHOENIX", "Dialysis machine", d(2024, 12), Criticality.LIFE_SUSTAINING,
                    Connectivity.CLINICAL_NETWORK, List.of("DIAL"), "Embedded", "Proprietary", "3.36", false, 12, 2008),
            // Laboratory and pharmacy
            new Model("Roche Diagnostics", "cobas 6000 analyzer", "c501", "Lab analyser", d(2026, 12), Criticality.DIAGNOSTIC,
                    Connectivity.HOSPITAL_NETWORK, List.of("LAB"), "Windows", "7", "05-03", true, 4, 2009),
            new Model("Roche Diagnostics", "cobas b 221", "b221", "Blood gas analyser", d(2023, 6), Criticality.DIAGNOSTIC,
                    Connectivity.HOSPITAL_NETWORK, List.of("LAB", "ICU", "ED"), "Windows", "XP Embedded", "8.0", true, 4, 2007),
            new Model("Becton, Dickinson and Company (BD)", "BD Pyxis MedStation ES", "ES", "Medication cabinet", d(2030, 6), Criticality.NON_CLINICAL,
                    Connectivity.HOSPITAL_NETWORK, List.of("PHARM", "ICU", "ED", "OR", "ONC"), "Windows", "10 Enterprise", "1.7.2", true, 12, 2017),
            new Model("Becton, Dickinson and Company (BD)", "BD Pyxis MedStation 4000", "4000", "Medication cabinet", d(2021, 6), Criticality.NON_CLINICAL,
                    Connectivity.HOSPITAL_NETWORK, List.of("PHARM", "MAT"), "Windows", "XP", "8.1.3", true, 6, 2005),
            new Model("Baxter", "ExactaMix EM2400", "EM2400", "Compounder", d(2026, 6), Criticality.THERAPEUTIC_NON_CRITICAL,
                    Connectivity.HOSPITAL_NETWORK, List.of("PHARM"), "Windows", "7", "1.10", false, 2, 2011),
            // Maternity and neonatal
            new Model("Philips", "Avalon FM30", "M2703A", "Fetal monitor", d(2025, 12), Criticality.LIFE_SUPPORTING,
                    Connectivity.CLINICAL_NETWORK, List.of("MAT"), "Embedded", "Proprietary", "J.3.9", false, 8, 2008),
            new Model("Natus Medical, Inc. (Natus)", "Xltek NeuroWorks EEG", "EEG32U", "EEG system", d(2024, 9), Criticality.DIAGNOSTIC,
                    Connectivity.HOSPITAL_NETWORK, List.of("NICU", "ICU"), "Windows", "7", "8.4", true, 2, 2010),
            new Model("Innokas Yhtymä Oy", "VC150 Vital Signs Monitor", "VC150", "Vital signs monitor", d(2029, 12), Criticality.DIAGNOSTIC,
                    Connectivity.CLINICAL_NETWORK, List.of("MAT", "ONC"), "Embedded", "Linux", "1.7.15", false, 4, 2016),
            // Oncology
            new Model("Siemens Healthineers", "syngo.via", "VB40", "Imaging software server", d(2027, 12), Criticality.NON_CLINICAL,
                    Connectivity.HOSPITAL_NETWORK, List.of("RAD", "ONC"), "Windows", "Server 2016", "VB40A", true, 2, 2018),
            new Model("Medtronic", "Valleylab FT10 Energy Platform", "VLFT10GEN", "Electrosurgical unit", d(2031, 12), Criticality.THERAPEUTIC_NON_CRITICAL,
                    Connectivity.STANDALONE, List.of("OR"), "Embedded", "Proprietary", "4.00.1", false, 6, 2016));

    private DemoCatalogue() {
    }
}
