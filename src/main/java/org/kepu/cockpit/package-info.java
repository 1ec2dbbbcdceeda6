/**
 * 领导驾驶舱: the read-only leader view and the wall display, putting together indicators, plans, activities,
 * divisions and member units (it depends on those modules' public APIs; none depends on it).
 */
package org.kepu.cockpit;
