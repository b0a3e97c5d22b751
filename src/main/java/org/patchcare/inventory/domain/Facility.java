package org.patchcare.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.patchcare.shared.domain.BaseEntity;

/** A hospital site, with its own time zone. */
@Entity
@Table(name = "facility")
public class Facility extends BaseEntity {

    public static final int CODE_MAX = 20;
    public static final int NAME_MAX = 120;
    public static final String CODE_PATTERN = "[A-Z0-9][A-Z0-9_-]{0,19}";

    @NotBlank
    @Size(max = CODE_MAX)
    @Pattern(regexp = CODE_PATTERN, message = "{patchcare.code.pattern}")
    @Column(nullable = false, length = CODE_MAX)
    private String code;

    @NotBlank
    @Size(max = NAME_MAX)
    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @NotBlank
    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    protected Facility() {
    }

    public Facility(String code, String name, String timeZone) {
        this.code = code;
        this.name = name;
        this.timeZone = timeZone;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
}
