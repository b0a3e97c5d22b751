package org.patchcare.planning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.patchcare.shared.domain.BaseEntity;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A vendor's engineer on site from {@code startsAt} to {@code endsAt}. */
@Entity
@Table(name = "vendor_visit")
public class VendorVisit extends BaseEntity {

    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId;
    @Column(name = "manufacturer_id", nullable = false)
    private long manufacturerId;
    public static final int ENGINEER_MAX = 120;

    @Column(length = ENGINEER_MAX)
    private String engineer;
    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    protected VendorVisit() {
    }

    public VendorVisit(long manufacturerId, String engineer, Instant startsAt, Instant endsAt) {
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new InvalidInputException("endsAt", "A visit ends after it starts.");
        }
        if (Duration.between(startsAt, endsAt).toDays() > 31) {
            throw new InvalidInputException("endsAt", "A visit lasts at most 31 days.");
        }
        this.publicId = UUID.randomUUID().toString();
        this.manufacturerId = manufacturerId;
        // a longer name failed in the database (500); refused by name instead
        this.engineer = engineer == null || engineer.isBlank() ? null
                : org.patchcare.shared.domain.Texts.within("engineer", engineer.strip(), ENGINEER_MAX);
        this.startsAt = startsAt;
        this.endsAt = endsAt;
    }

    public String getPublicId() {
        return publicId;
    }

    public long getManufacturerId() {
        return manufacturerId;
    }

    public String getEngineer() {
        return engineer;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }
}
