/** 成员单位: member units of the leading group, their duties, liaisons and lead/cooperating roles. */
package org.kepu.organization;
