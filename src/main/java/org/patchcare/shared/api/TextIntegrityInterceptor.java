package org.patchcare.shared.api;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.patchcare.shared.domain.InvalidInputException;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses JSON text that is not Unicode: a string holding an unpaired UTF-16 surrogate (JSON allows the escape
 * {@code "\ud800"} alone, Unicode does not). Stored as is, such a value would come back as "?" from UTF-8 encoders
 * and databases, a silent change; instead the request is answered 422 naming every such field (dotted path for
 * nested values, [i] for list elements). Every other character, controls and zero-width ones included, is stored
 * exactly as sent (docs/security.md V5).
 */
@Provider
public class TextIntegrityInterceptor implements ReaderInterceptor {

    private static final int MAX_DEPTH = 4;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object entity = context.proceed();
        List<InvalidInputException.Violation> bad = new ArrayList<>();
        check(entity, "", bad, 0, new IdentityHashMap<>());
        if (!bad.isEmpty()) {
            throw new InvalidInputException(bad);
        }
        return entity;
    }

    /** Whether {@code s} has a high surrogate without its low one, or a low one alone. */
    public static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static void check(Object value, String path, List<InvalidInputException.Violation> bad, int depth,
                              Map<Object, Boolean> seen) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof String s) {
            if (hasUnpairedSurrogate(s)) {
                bad.add(new InvalidInputException.Violation(path.isEmpty() ? "body" : path,
                        "contains a broken character (an unpaired UTF-16 surrogate); send valid Unicode text"));
            }
            return;
        }
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object o : c) {
                check(o, path + "[" + i++ + "]", bad, depth + 1, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> check(v, join(path, String.valueOf(k)), bad, depth + 1, seen));
            return;
        }
        Class<?> type = value.getClass();
        if (!type.getName().startsWith("org.patchcare.") || type.isEnum() || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        try {
            if (type.isRecord()) {
                for (RecordComponent rc : type.getRecordComponents()) {
                    check(rc.getAccessor().invoke(value), join(path, rc.getName()), bad, depth + 1, seen);
                }
                return;
            }
            for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
                for (Field f : t.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                        f.setAccessible(true);
                        check(f.get(value), join(path, f.getName()), bad, depth + 1, seen);
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a type we cannot look into: its strings are checked by its own validation, if at all
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
