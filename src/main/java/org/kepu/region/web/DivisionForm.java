package org.kepu.region.web;

/** The edit form of a division: population as typed (checked by the controller), urban/rural, loaded version. */
record DivisionForm(String population, String urbanRural, Integer version) {
}
