package org.patchcare.testsupport;

import org.patchcare.shared.domain.BaseEntity;

import java.lang.reflect.Field;

/** Gives entities the database id they would have after persisting, for domain tests without a database. */
public final class TestIds {

    private TestIds() {
    }

    public static <T extends BaseEntity> T withId(T entity, long id) {
        try {
            Field f = BaseEntity.class.getDeclaredField("id");
            f.setAccessible(true);
            f.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("BaseEntity has no field 'id' any more; adapt TestIds", e);
        }
    }
}
