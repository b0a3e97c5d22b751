package org.patchcare.planning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.patchcare.shared.domain.BaseEntity;
import org.patchcare.shared.domain.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** A PatchCare user who works on devices: minutes a day and skills (device types or manufacturers, lower case). */
@Entity
@Table(name = "technician")
public class Technician extends BaseEntity {

    public static final int SKILLS_MAX = 1000;

    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId;
    @Column(nullable = false, length = 64)
    private String username;
    @Column(name = "daily_minutes", nullable = false)
    private int dailyMinutes;
    @Column(nullable = false, length = SKILLS_MAX)
    private String skills;
    @Column(nullable = false)
    private boolean active = true;

    protected Technician() {
    }

    public Technician(String username, int dailyMinutes, Set<String> skills) {
        this.publicId = UUID.randomUUID().toString();
        this.username = username;
        change(dailyMinutes, skills, true);
    }

    public void change(int dailyMinutes, Set<String> skills, boolean active) {
        if (dailyMinutes < 30 || dailyMinutes > 24 * 60) {
            throw new InvalidInputException("dailyMinutes", "A technician works between 30 and 1440 minutes a day.");
        }
        if (skills != null && skills.stream().anyMatch(s -> s != null && s.indexOf(',') >= 0)) {
            // stored comma-separated: a comma inside a skill came back as two skills
            throw new InvalidInputException("skills", "A skill cannot contain a comma; give each skill on its own.");
        }
        String joined = normalize(skills).stream().collect(Collectors.joining(","));
        if (joined.length() > SKILLS_MAX) {
            throw new InvalidInputException("skills", "The skills have at most " + SKILLS_MAX + " characters.");
        }
        this.dailyMinutes = dailyMinutes;
        this.skills = joined;
        this.active = active;
    }

    public static Set<String> normalize(Set<String> skills) {
        return skills == null ? Set.of() : skills.stream().filter(s -> s != null && !s.isBlank())
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
    }

    public String getPublicId() {
        return publicId;
    }

    public String getUsername() {
        return username;
    }

    public int getDailyMinutes() {
        return dailyMinutes;
    }

    public Set<String> skillSet() {
        return skills == null || skills.isBlank() ? Set.of() : Arrays.stream(skills.split(",")).map(String::strip)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public boolean isActive() {
        return active;
    }
}
