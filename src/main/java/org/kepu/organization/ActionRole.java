package org.kepu.organization;

/** A member unit's part in a key-group action: 牵头部门 (lead) or 参与配合部门 (cooperating). */
public enum ActionRole {
    LEAD,
    COOPERATING
}
