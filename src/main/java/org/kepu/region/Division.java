package org.kepu.region;

/**
 * One division. {@code level}: 1 province, 2 city, 3 county, 4 township/street, 5 village/community.
 * {@code path}: the codes from the root joined by '/', the key of every subtree query.
 */
public record Division(String code, String parentCode, String name, int level, String path, Integer population,
        String urbanRural, int version) {

    public static final int PROVINCE = 1;
    public static final int CITY = 2;
    public static final int COUNTY = 3;
    public static final int TOWNSHIP = 4;
    public static final int VILLAGE = 5;
}
