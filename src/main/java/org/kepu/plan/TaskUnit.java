package org.kepu.plan;

import org.kepu.organization.ActionRole;

/**
 * A lead or cooperating unit of a task.
 *
 * @param id the link's id (stable while the link exists)
 * @param unitId the member unit, or null when the written name matches none
 * @param writtenName the name as the document (or the editor) wrote it
 * @param unitName the member unit's current name, or null
 */
public record TaskUnit(long id, ActionRole role, Long unitId, String writtenName, String unitName) {

    /** The unit's name when linked, else the written name. */
    public String displayName() {
        return unitName != null ? unitName : writtenName;
    }

    public boolean linked() {
        return unitId != null;
    }
}
