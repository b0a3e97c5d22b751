package org.patchcare.advisories.application.vex;

import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.OrganizationalEntity;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;
import org.cyclonedx.model.vulnerability.Vulnerability.Affect;
import org.cyclonedx.model.vulnerability.Vulnerability.Analysis;
import org.cyclonedx.model.vulnerability.Vulnerability.Rating;
import org.cyclonedx.model.vulnerability.Vulnerability.Source;
import org.patchcare.advisories.application.vex.VexAssessment.Verdict;
import org.patchcare.advisories.application.vex.VexAssessment.Vulnerability;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes a {@link VexRequest} as a CycloneDX VEX: a BOM (spec 1.6 by default, or 1.5) whose components are the
 * products (type {@code device}, bom-ref = {@link VexProduct#key()}, supplier = vendor, model number and device
 * asset tags as {@code patchcare:} properties) and whose vulnerabilities carry the analysis. Products are resolved
 * exactly as for CSAF ({@link CsafVexWriter}): a product's state is the most cautious state of its devices.
 *
 * <p>One vulnerability entry per CVE and distinct analysis, its {@code affects} naming the products that share it:
 * <ul>
 * <li>state: UNDER_INVESTIGATION → {@code in_triage}, AFFECTED → {@code exploitable}, NOT_AFFECTED →
 * {@code not_affected}, FIXED → {@code resolved};</li>
 * <li>justification, from the CSAF label (closest CycloneDX term; the label itself is kept in the property
 * {@code patchcare:csaf-justification}): component_not_present → {@code code_not_present} (the component, and so its
 * code, is absent), vulnerable_code_not_present → {@code code_not_present}, vulnerable_code_not_in_execute_path →
 * {@code code_not_reachable}, vulnerable_code_cannot_be_controlled_by_adversary → {@code requires_environment} (the
 * attack needs conditions the deployment does not offer), inline_mitigations_already_exist →
 * {@code protected_by_mitigating_control};</li>
 * <li>detail: the statement's detail, followed by each device's state when the devices of a product disagree;</li>
 * <li>ratings: the CVSS vector (v2, v3.0, v3.1, v4.0) with the base score computed from it, else the recorded score
 * alone; source: the NVD entry of the CVE; description: the vendor advisories;
 * recommendation (affected only): the action CSAF gives as remediation.</li>
 * </ul>
 */
public final class CycloneDxVexWriter {

    public static final Version DEFAULT_VERSION = Version.VERSION_16;
    static final String PROPERTY_PREFIX = "patchcare:";

    /** The CycloneDX 1.6 JSON; throws {@link InvalidVexRequestException} for a request that cannot be exported. */
    public String write(VexRequest request) {
        return write(request, DEFAULT_VERSION);
    }

    /** The CycloneDX JSON in spec version 1.5 or 1.6. */
    public String write(VexRequest request, Version version) {
        if (version != Version.VERSION_15 && version != Version.VERSION_16) {
            throw new IllegalArgumentException("CycloneDX VEX is written in spec 1.5 or 1.6, not "
                    + version.getVersionString() + ".");
        }
        try {
            return BomGeneratorFactory.createJson(version, bom(request)).toJsonString(true);
        } catch (GeneratorException e) {
            throw new IllegalStateException("CycloneDX could not write the VEX BOM " + request.documentId() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The BOM model of {@link #write}. */
    Bom bom(VexRequest request) {
        VexAssessment assessment = VexAssessment.of(request);
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes((request.documentId() + "|" + request.now())
                .getBytes(StandardCharsets.UTF_8)));
        bom.setVersion(1);
        bom.setMetadata(metadata(request));
        List<Component> components = new ArrayList<>();
        for (VexProduct product : request.products()) {
            components.add(component(product));
        }
        bom.setComponents(components);
        List<org.cyclonedx.model.vulnerability.Vulnerability> vulnerabilities = new ArrayList<>();
        for (Vulnerability vulnerability : assessment.vulnerabilities()) {
            Map<Analysed, List<Verdict>> groups = new LinkedHashMap<>();
            for (Verdict verdict : vulnerability.verdicts()) {
                groups.computeIfAbsent(Analysed.of(verdict), k -> new ArrayList<>()).add(verdict);
            }
            groups.forEach((analysed, verdicts) -> vulnerabilities.add(vulnerability(vulnerability, analysed,
                    verdicts)));
        }
        bom.setVulnerabilities(vulnerabilities);
        return bom;
    }

    /** What one vulnerability entry says; products whose verdicts say the same share the entry. */
    private record Analysed(VexState state, String justification, String detail, String vector, BigDecimal score,
            String recommendation) {

        static Analysed of(Verdict verdict) {
            String detail = verdict.detail();
            if (verdict.mixed()) {
                String devices = verdict.devices().stream().map(d -> d.deviceKey() + " " + stateName(d.state())
                        + Optional.ofNullable(VexAssessment.justificationOf(d.state(), d.statement()))
                        .map(j -> " (" + j + ")").orElse(""))
                        .collect(Collectors.joining(", "));
                detail = (detail == null ? "" : detail + "\n") + "Devices assessed differently, the most cautious"
                        + " state is given: " + devices + ".";
            }
            VexStatement s = verdict.decisive();
            return new Analysed(verdict.state(), verdict.justification(), detail,
                    VexAssessment.blankToNull(s.cvssVector()), s.cvss(), CycloneDxVexWriter.recommendation(verdict));
        }
    }

    private static Metadata metadata(VexRequest request) {
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(request.now()));
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName(CsafVexWriter.GENERATOR);
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);
        metadata.setProperties(List.of(
                new Property(PROPERTY_PREFIX + "document-id", request.documentId()),
                new Property(PROPERTY_PREFIX + "title", request.title()),
                new Property(PROPERTY_PREFIX + "publisher", request.publisherName()),
                new Property(PROPERTY_PREFIX + "publisher-namespace", request.publisherNamespace())));
        return metadata;
    }

    private static Component component(VexProduct product) {
        Component component = new Component();
        component.setType(Component.Type.DEVICE);
        component.setBomRef(product.key());
        component.setName(product.name().strip());
        String version = VexAssessment.blankToNull(product.version());
        if (version != null) {
            component.setVersion(version);
        }
        OrganizationalEntity supplier = new OrganizationalEntity();
        supplier.setName(product.vendor().strip());
        component.setSupplier(supplier);
        component.setDescription(CsafVexWriter.fullName(product));
        List<Property> properties = new ArrayList<>();
        String modelNumber = VexAssessment.blankToNull(product.modelNumber());
        if (modelNumber != null) {
            properties.add(new Property(PROPERTY_PREFIX + "model-number", modelNumber));
        }
        for (String device : product.deviceKeys().isEmpty() ? List.of(product.key()) : product.deviceKeys()) {
            properties.add(new Property(PROPERTY_PREFIX + "device", device));
        }
        component.setProperties(properties);
        return component;
    }

    private static org.cyclonedx.model.vulnerability.Vulnerability vulnerability(Vulnerability vulnerability,
            Analysed analysed, List<Verdict> verdicts) {
        var entry = new org.cyclonedx.model.vulnerability.Vulnerability();
        entry.setId(vulnerability.id());
        List<VexStatement> advisories = vulnerability.advisories();
        Source source = new Source();
        if (vulnerability.isCve()) {
            source.setName("NVD");
            source.setUrl("https://nvd.nist.gov/vuln/detail/" + vulnerability.id());
            entry.setSource(source);
        } else if (!advisories.isEmpty() && advisories.getFirst().advisoryTrackingId() != null) {
            source.setName(advisories.getFirst().advisoryTrackingId());
            entry.setSource(source);
        }
        rating(analysed).ifPresent(rating -> entry.setRatings(List.of(rating)));
        String description = advisories.stream().map(CsafVexWriter::advisoryLabel).filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
        if (!description.isEmpty()) {
            entry.setDescription(description);
        }
        if (analysed.recommendation() != null) {
            entry.setRecommendation(analysed.recommendation());
        }
        Instant updated = verdicts.stream().map(Verdict::updatedAt).max(Comparator.naturalOrder()).orElseThrow();
        entry.setUpdated(Date.from(updated));

        Analysis analysis = new Analysis();
        analysis.setState(switch (analysed.state()) {
            case UNDER_INVESTIGATION -> Analysis.State.IN_TRIAGE;
            case AFFECTED -> Analysis.State.EXPLOITABLE;
            case NOT_AFFECTED -> Analysis.State.NOT_AFFECTED;
            case FIXED -> Analysis.State.RESOLVED;
        });
        if (analysed.justification() != null) {
            analysis.setJustification(justification(analysed.justification()));
        }
        if (analysed.detail() != null) {
            analysis.setDetail(analysed.detail());
        }
        analysis.setLastUpdated(Date.from(updated));
        entry.setAnalysis(analysis);

        List<Affect> affects = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            Affect affect = new Affect();
            affect.setRef(verdict.product().key());
            affects.add(affect);
        }
        entry.setAffects(affects);

        List<Property> properties = new ArrayList<>();
        advisories.stream().map(VexStatement::advisoryTrackingId).filter(Objects::nonNull).distinct()
                .forEach(id -> properties.add(new Property(PROPERTY_PREFIX + "advisory", id)));
        if (analysed.justification() != null) {
            properties.add(new Property(PROPERTY_PREFIX + "csaf-justification", analysed.justification()));
        }
        if (!properties.isEmpty()) {
            entry.setProperties(properties);
        }
        return entry;
    }

    /** The CycloneDX justification closest to a CSAF flag label (see the class comment). */
    static Analysis.Justification justification(String csafLabel) {
        return switch (csafLabel) {
            case "component_not_present", "vulnerable_code_not_present" -> Analysis.Justification.CODE_NOT_PRESENT;
            case "vulnerable_code_not_in_execute_path" -> Analysis.Justification.CODE_NOT_REACHABLE;
            case "vulnerable_code_cannot_be_controlled_by_adversary" -> Analysis.Justification.REQUIRES_ENVIRONMENT;
            case "inline_mitigations_already_exist" -> Analysis.Justification.PROTECTED_BY_MITIGATING_CONTROL;
            default -> throw new IllegalArgumentException("Not a CSAF justification label: " + csafLabel);
        };
    }

    private static Optional<Rating> rating(Analysed analysed) {
        Optional<CvssScore> parsed = CvssScore.parse(analysed.vector());
        if (parsed.isEmpty() && analysed.score() == null) {
            return Optional.empty();
        }
        Rating rating = new Rating();
        double score = parsed.map(CvssScore::baseScore).orElseGet(() -> analysed.score().doubleValue());
        rating.setScore(score);
        parsed.ifPresent(p -> {
            rating.setVector(p.vector());
            rating.setMethod(switch (p.version()) {
                case "2.0" -> Rating.Method.CVSSV2;
                case "3.0" -> Rating.Method.CVSSV3;
                case "3.1" -> Rating.Method.CVSSV31;
                default -> Rating.Method.CVSSV4;
            });
        });
        boolean v2 = parsed.map(p -> p.version().equals("2.0")).orElse(false);
        rating.setSeverity(Rating.Severity.fromString(v2 ? v2Severity(score) : CvssScore.severity(score)
                .toLowerCase(java.util.Locale.ROOT)));
        return Optional.of(rating);
    }

    private static String v2Severity(double score) {
        return score < 4.0 ? "low" : score < 7.0 ? "medium" : "high";
    }

    private static String recommendation(Verdict verdict) {
        return verdict.state() == VexState.AFFECTED ? CsafVexWriter.actionStatement(verdict).details() : null;
    }

    static String stateName(VexState state) {
        return state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
