package org.kepu.shared;

import java.io.Serializable;

/**
 * What part of the records a caller may see: a division subtree (by materialised path such as
 * {@code 36/3607/360734/360734100}) and/or one member unit. A record is in scope when it lies in the subtree
 * and, if a unit is set, belongs to that unit. {@link #NONE} sees nothing (platform admins, volunteers).
 */
public record Scope(String divisionPath, Long unitId, boolean none) implements Serializable {

    public static final Scope NONE = new Scope(null, null, true);

    public static Scope division(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("division path required");
        }
        return new Scope(path, null, false);
    }

    public static Scope unit(long unitId, String divisionPath) {
        return new Scope(divisionPath, unitId, false);
    }

    /** True when the record at {@code path}, belonging to {@code recordUnitId} (may be null), is visible. */
    public boolean covers(String path, Long recordUnitId) {
        if (none) {
            return false;
        }
        if (unitId != null) {
            return unitId.equals(recordUnitId);
        }
        return coversPath(path);
    }

    /** True when {@code path} lies inside this scope's division subtree. */
    public boolean coversPath(String path) {
        if (none || path == null) {
            return false;
        }
        if (divisionPath == null) {
            return true;
        }
        return path.equals(divisionPath) || path.startsWith(divisionPath + "/");
    }
}
