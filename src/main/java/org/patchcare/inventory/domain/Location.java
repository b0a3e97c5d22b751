package org.patchcare.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.patchcare.shared.domain.BaseEntity;

import java.util.UUID;

/** A place inside a department: building, floor, room. */
@Entity
@Table(name = "location")
public class Location extends BaseEntity {

    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId = UUID.randomUUID().toString();

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "department_id", nullable = false)
    private Department department;

    @NotBlank
    @Size(max = 80)
    @Column(nullable = false, length = 80)
    private String building;

    @Size(max = 20)
    @Column(length = 20)
    private String floor;

    @Size(max = 40)
    @Column(length = 40)
    private String room;

    protected Location() {
    }

    public Location(Department department, String building, String floor, String room) {
        this.department = department;
        this.building = building;
        this.floor = floor;
        this.room = room;
    }

    public String getPublicId() { return publicId; }
    public Department getDepartment() { return department; }
    public void setDepartment(Department department) { this.department = department; }
    public String getBuilding() { return building; }
    public void setBuilding(String building) { this.building = building; }
    public String getFloor() { return floor; }
    public void setFloor(String floor) { this.floor = floor; }
    public String getRoom() { return room; }
    public void setRoom(String room) { this.room = room; }

    public String label() {
        StringBuilder sb = new StringBuilder(building);
        if (floor != null && !floor.isBlank()) {
            sb.append(", floor ").append(floor);
        }
        if (room != null && !room.isBlank()) {
            sb.append(", room ").append(room);
        }
        return sb.toString();
    }
}
