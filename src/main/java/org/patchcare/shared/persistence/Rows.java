package org.patchcare.shared.persistence;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Column values of native-query rows as Java types, whatever the driver (H2, Connector/J) returned. */
public final class Rows {

    private Rows() {
    }

    public static Instant instant(Object o) {
        return switch (o) {
            case null -> null;
            case Timestamp t -> t.toInstant();
            case Instant i -> i;
            case LocalDateTime l -> l.toInstant(ZoneOffset.UTC);
            case OffsetDateTime odt -> odt.toInstant();
            default -> throw new IllegalStateException("unexpected date-time type " + o.getClass());
        };
    }

    public static LocalDate date(Object o) {
        return switch (o) {
            case null -> null;
            case Date d -> d.toLocalDate();
            case LocalDate l -> l;
            case Timestamp t -> t.toLocalDateTime().toLocalDate();
            default -> throw new IllegalStateException("unexpected date type " + o.getClass());
        };
    }

    public static BigDecimal decimal(Object o) {
        return o == null ? null : o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }

    public static Double number(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    public static long count(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    public static boolean bool(Object o) {
        return o instanceof Boolean b ? b : o instanceof Number n && n.intValue() != 0;
    }
}
