package org.patchcare.shared.persistence;

import jakarta.persistence.EntityManager;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The departments a user is assigned to (identity's app_user_department), for the "only my departments" rule. */
public final class UserDepartments {

    private UserDepartments() {
    }

    /** The ids of the departments {@code username} is assigned to; empty for an unknown user. */
    public static Set<Long> of(EntityManager em, String username) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT ud.department_id FROM app_user_department ud "
                + "JOIN app_user u ON u.id = ud.user_id WHERE u.username = ?1").setParameter(1, username).getResultList();
        Set<Long> out = new HashSet<>();
        ids.forEach(id -> out.add(((Number) id).longValue()));
        return out;
    }
}
