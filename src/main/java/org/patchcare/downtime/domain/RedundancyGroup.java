package org.patchcare.downtime.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.patchcare.shared.domain.BaseEntity;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.InvalidInputException.Violation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Devices that stand in for each other, and how many of them must stay in service ("ED CT scanners: at least 1 of 2").
 * The minimum is at least 1 and less than the number of devices: with a minimum equal to the count no device could
 * ever go down for patching.
 */
@Entity
@Table(name = "redundancy_group")
public class RedundancyGroup extends BaseEntity {

    public static final int NAME_MAX = 200;
    public static final int MAX_MEMBERS = 500;

    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId = UUID.randomUUID().toString();
    @Column(nullable = false, length = NAME_MAX)
    private String name;
    @Column(name = "department_id")
    private Long departmentId;
    @Column(name = "minimum_available", nullable = false)
    private int minimumAvailable;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "redundancy_group_member", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "device_id", nullable = false)
    private Set<Long> deviceIds = new HashSet<>();

    protected RedundancyGroup() {
    }

    public RedundancyGroup(String name, Long departmentId, int minimumAvailable, Set<Long> deviceIds) {
        change(name, departmentId, minimumAvailable, deviceIds);
    }

    public void change(String name, Long departmentId, int minimumAvailable, Set<Long> deviceIds) {
        List<Violation> problems = problems(name, minimumAvailable, deviceIds.size());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        this.name = name.strip();
        this.departmentId = departmentId;
        this.minimumAvailable = minimumAvailable;
        this.deviceIds.clear();
        this.deviceIds.addAll(deviceIds);
    }

    /** What is wrong with a group of {@code members} devices, per field. */
    public static List<Violation> problems(String name, int minimum, int members) {
        List<Violation> out = new ArrayList<>();
        if (name == null || name.isBlank()) {
            out.add(new Violation("name", "Give the group a name, e.g. 'ED CT scanners'."));
        } else if (name.strip().length() > NAME_MAX) {
            out.add(new Violation("name", "The name has at most " + NAME_MAX + " characters."));
        }
        if (members < 2) {
            out.add(new Violation("assetTags", "A redundancy group needs at least two devices that stand in for each "
                    + "other."));
        } else if (members > MAX_MEMBERS) {
            out.add(new Violation("assetTags", "A redundancy group has at most " + MAX_MEMBERS + " devices."));
        }
        if (minimum < 1) {
            out.add(new Violation("minimumAvailable", "The minimum in service must be at least 1."));
        } else if (members >= 2 && minimum >= members) {
            out.add(new Violation("minimumAvailable", "A minimum of " + minimum + " with " + members + " devices "
                    + "means none of them could ever go down for patching; the minimum must be less than the number "
                    + "of devices (at most " + (members - 1) + ")."));
        }
        return out;
    }

    public String getPublicId() { return publicId; }
    public String getName() { return name; }
    public Long getDepartmentId() { return departmentId; }
    public int getMinimumAvailable() { return minimumAvailable; }
    public Set<Long> getDeviceIds() { return Set.copyOf(deviceIds); }
}
