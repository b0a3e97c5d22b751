package org.patchcare.shared.persistence;

import java.sql.SQLException;

/** Recognises database errors by their SQL state, without depending on one provider's exception types. */
public final class PersistenceErrors {

    private PersistenceErrors() {
    }

    /** SQL state class 23: a unique key, foreign key or not-null rule of the database refused the change. */
    public static boolean isConstraintViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /** SQL state class 08: the connection to the database failed. */
    public static boolean isConnectionFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (c instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }
}
