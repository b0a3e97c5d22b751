package org.patchcare.identity.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.patchcare.audit.application.AuditService;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.identity.domain.Role;
import org.patchcare.identity.domain.User;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.persistence.PersistenceErrors;
import org.patchcare.shared.security.CurrentUser;
import org.patchcare.shared.security.PasswordHasher;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Users, their roles and (for clinical managers) their departments. Administrators only. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class UserService {

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    CurrentUser currentUser;
    @Inject
    AuditService audit;
    @Inject
    Validator validator;
    @Inject
    jakarta.enterprise.event.Event<UserAccessChanged> accessChanged;

    public List<UserView> list() {
        Map<Long, String> deptCodes = departmentCodes();
        return em.createQuery("select u from User u order by u.username", User.class).getResultStream()
                .map(u -> view(u, deptCodes)).toList();
    }

    public UserView get(String username) {
        return view(find(username), departmentCodes());
    }

    public UserView save(UserCommand cmd, boolean create) {
        Set<ConstraintViolation<UserCommand>> v = validator.validate(cmd);
        if (!v.isEmpty()) {
            List<InvalidInputException.Violation> list = new ArrayList<>();
            v.forEach(c -> list.add(new InvalidInputException.Violation(c.getPropertyPath().toString(), c.getMessage())));
            throw new InvalidInputException(list);
        }
        String username = cmd.getUsername().strip().toLowerCase(Locale.ROOT);
        User u;
        Snapshot before = null;
        if (create) {
            if (cmd.getPassword() == null || cmd.getPassword().isBlank()) {
                throw new InvalidInputException("password", "a new user needs a password of at least "
                        + UserCommand.PASSWORD_MIN + " characters");
            }
            if (!em.createQuery("select u.id from User u where u.username = :u", Long.class)
                    .setParameter("u", username).getResultList().isEmpty()) {
                throw new ConflictException("User '" + username + "' already exists.");
            }
            checkPolicy(cmd.getPassword(), username, cmd.getDisplayName());
            u = new User(username, cmd.getDisplayName().strip(), PasswordHasher.hash(cmd.getPassword().toCharArray()));
            u.changePassword(u.getPasswordHash(), false, clock.instant());
        } else {
            u = find(username);
            if (cmd.getVersion() != null && cmd.getVersion() != u.getVersion()) {
                throw ConflictException.staleEdit("User", username);
            }
            before = snap(u, departmentCodes());
            u.setDisplayName(cmd.getDisplayName().strip());
            if (cmd.getPassword() != null && !cmd.getPassword().isBlank()) {
                checkPolicy(cmd.getPassword(), username, cmd.getDisplayName());
                u.changePassword(PasswordHasher.hash(cmd.getPassword().toCharArray()), false, clock.instant());
            }
            if (username.equals(currentUser.username()) && (!cmd.isEnabled() || !cmd.getRoles().contains(Role.ADMIN))) {
                throw new InvalidInputException("roles", "you cannot disable yourself or take away your own ADMIN role");
            }
            if (u.isEnabled() && u.getRoles().contains(Role.ADMIN)
                    && (!cmd.isEnabled() || !cmd.getRoles().contains(Role.ADMIN)) && otherActiveAdmins(u) == 0) {
                throw new InvalidInputException("roles", "PatchCare needs at least one active administrator");
            }
        }
        u.setEmail(cmd.getEmail() == null || cmd.getEmail().isBlank() ? null : cmd.getEmail().strip());
        u.setEnabled(cmd.isEnabled());
        u.setRoles(cmd.getRoles());
        u.setDepartmentIds(departmentIds(cmd.getDepartments()));
        u.touch(currentUser.username(), clock.instant());
        Map<Long, String> codes = departmentCodes();
        if (create) {
            em.persist(u);
            audit.created("User", username, snap(u, codes));
        } else {
            Snapshot after = snap(u, codes);
            boolean passwordChanged = cmd.getPassword() != null && !cmd.getPassword().isBlank();
            audit.changed("User", username, before, after, passwordChanged ? "password changed" : null);
            accessChanged.fire(new UserAccessChanged(username));
        }
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw ConflictException.staleEdit("User", username);
        } catch (PersistenceException e) {
            if (PersistenceErrors.isConstraintViolation(e)) {
                throw new ConflictException("User '" + username + "' already exists.");
            }
            throw e;
        }
        return view(u, codes);
    }

    /**
     * Sets a temporary password that the user must change at the next login: the one given (checked against the
     * policy), or a generated one when none is given. Answers the temporary password, to hand over once. Clears the
     * user's lockout.
     */
    public String resetPassword(String username, String temporaryPassword) {
        User u = find(username);
        String password = temporaryPassword == null || temporaryPassword.isBlank()
                ? PasswordGenerator.generate() : temporaryPassword;
        checkPolicy(password, u.getUsername(), u.getDisplayName());
        u.changePassword(PasswordHasher.hash(password.toCharArray()), true, clock.instant());
        u.touch(currentUser.username(), clock.instant());
        em.createQuery("delete from LoginAttempt a where a.key = :k")
                .setParameter("k", org.patchcare.identity.domain.LoginAttempt.userKey(u.getUsername())).executeUpdate();
        audit.event("User", u.getUsername(), "password reset", "must change it at the next login");
        accessChanged.fire(new UserAccessChanged(u.getUsername()));
        return password;
    }

    /**
     * Disables or enables a user. A disabled user cannot log in, their sessions end at their next request and their
     * cached API logins are refused. Nobody can disable themselves or the last active administrator.
     */
    public UserView setEnabled(String username, boolean enabled, Integer version) {
        User u = find(username);
        if (version != null && version != u.getVersion()) {
            throw ConflictException.staleEdit("User", u.getUsername());
        }
        if (u.isEnabled() == enabled) {
            return view(u, departmentCodes());
        }
        if (!enabled && u.getUsername().equals(currentUser.username())) {
            throw new InvalidInputException("enabled", "you cannot disable yourself");
        }
        if (!enabled && u.getRoles().contains(Role.ADMIN) && otherActiveAdmins(u) == 0) {
            throw new InvalidInputException("enabled", "PatchCare needs at least one active administrator");
        }
        u.setEnabled(enabled);
        u.touch(currentUser.username(), clock.instant());
        audit.event("User", u.getUsername(), enabled ? "enabled" : "disabled", null);
        accessChanged.fire(new UserAccessChanged(u.getUsername()));
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw ConflictException.staleEdit("User", u.getUsername());
        }
        return view(u, departmentCodes());
    }

    private long otherActiveAdmins(User u) {
        return em.createQuery("select count(x) from User x where x.enabled = true and x.id <> :id "
                        + "and :admin member of x.roles", Long.class)
                .setParameter("id", u.getId()).setParameter("admin", Role.ADMIN).getSingleResult();
    }

    private static void checkPolicy(String password, String username, String displayName) {
        checkPolicy("password", password, username, displayName);
    }

    /** Refuses a password that breaks the policy, naming {@code field} (422 with the reasons). */
    static void checkPolicy(String field, String password, String username, String displayName) {
        List<String> problems = org.patchcare.identity.domain.PasswordPolicy.standard()
                .problems(password, username, displayName);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream()
                    .map(p -> new InvalidInputException.Violation(field, p)).toList());
        }
    }

    private Set<Long> departmentIds(Set<String> codes) {
        Set<Long> ids = new HashSet<>();
        if (codes == null) {
            return ids;
        }
        for (String code : codes) {
            List<Long> found = em.createQuery("select d.id from Department d where d.code = :c", Long.class)
                    .setParameter("c", code.strip().toUpperCase(Locale.ROOT)).getResultList();
            if (found.isEmpty()) {
                throw new InvalidInputException("departments", "no department with code '" + code + "'");
            }
            ids.add(found.getFirst());
        }
        return ids;
    }

    private Map<Long, String> departmentCodes() {
        Map<Long, String> m = new HashMap<>();
        em.createQuery("select d.id, d.code from Department d", Object[].class).getResultStream()
                .forEach(r -> m.put((Long) r[0], (String) r[1]));
        return m;
    }

    private User find(String username) {
        return em.createQuery("select u from User u where u.username = :u", User.class)
                .setParameter("u", username == null ? "" : username.strip().toLowerCase(Locale.ROOT))
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("User", username));
    }

    static UserView view(User u, Map<Long, String> codes) {
        return new UserView(u.getUsername(), u.getDisplayName(), u.getEmail(), u.isEnabled(), u.getRoles(),
                u.getDepartmentIds().stream().map(codes::get).collect(Collectors.toCollection(TreeSet::new)),
                u.getLastLoginAt(), u.getVersion());
    }

    static Snapshot snap(User u, Map<Long, String> codes) {
        return Snapshot.empty().with("displayName", u.getDisplayName()).with("email", u.getEmail())
                .with("enabled", u.isEnabled()).with("roles", new TreeSet<>(u.getRoles().stream().map(Enum::name).toList()))
                .with("departments", u.getDepartmentIds().stream().map(codes::get).collect(Collectors.toCollection(TreeSet::new)));
    }
}
