package org.patchcare.identity.application;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.patchcare.identity.domain.Role;
import org.patchcare.identity.domain.User;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** Create or change a user. The password is only set when given (at least 12 characters). */
public class UserCommand {
    public static final int PASSWORD_MIN = 12;
    public static final int PASSWORD_MAX = 128;

    @NotBlank
    @Size(max = User.USERNAME_MAX)
    @Pattern(regexp = User.USERNAME_PATTERN, message = "{patchcare.username.pattern}")
    private String username;

    @NotBlank
    @Size(max = User.NAME_MAX)
    private String displayName;

    @Email
    @Size(max = User.EMAIL_MAX)
    private String email;

    @Size(min = PASSWORD_MIN, max = PASSWORD_MAX, message = "{patchcare.password.size}")
    private String password;

    private boolean enabled = true;

    @NotEmpty(message = "{patchcare.roles.required}")
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    private Set<String> departments = new HashSet<>();

    private Integer version;

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Set<Role> getRoles() { return roles; }
    public void setRoles(Set<Role> roles) { this.roles = roles; }
    public Set<String> getDepartments() { return departments; }
    public void setDepartments(Set<String> departments) { this.departments = departments; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
}
