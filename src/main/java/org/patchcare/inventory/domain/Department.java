package org.patchcare.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.patchcare.shared.domain.BaseEntity;

/** A clinical unit (ED, ICU, Radiology, ...) of a facility. Its code is unique across the hospital. */
@Entity
@Table(name = "department")
public class Department extends BaseEntity {

    public static final int CODE_MAX = 20;
    public static final int NAME_MAX = 120;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "facility_id", nullable = false)
    private Facility facility;

    @NotBlank
    @Size(max = CODE_MAX)
    @Pattern(regexp = Facility.CODE_PATTERN, message = "{patchcare.code.pattern}")
    @Column(nullable = false, length = CODE_MAX)
    private String code;

    @NotBlank
    @Size(max = NAME_MAX)
    @Column(nullable = false, length = NAME_MAX)
    private String name;

    /** What the department loses while one of its devices is down; the SSVC mission impact of its devices. */
    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "mission_impact", nullable = false, length = 30)
    private MissionImpact missionImpact = MissionImpact.MEF_SUPPORT_CRIPPLED;

    protected Department() {
    }

    public Department(Facility facility, String code, String name) {
        this.facility = facility;
        this.code = code;
        this.name = name;
    }

    public Facility getFacility() { return facility; }
    public void setFacility(Facility facility) { this.facility = facility; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public MissionImpact getMissionImpact() { return missionImpact; }
    public void setMissionImpact(MissionImpact missionImpact) { this.missionImpact = missionImpact; }
}
