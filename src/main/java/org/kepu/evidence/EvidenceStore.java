package org.kepu.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kepu.evidence.internal.ContentSniffer;
import org.kepu.evidence.internal.ImageProbe;
import org.kepu.evidence.internal.PdfIcon;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Content-addressed storage of evidence files under {@code kepu.files.dir} (outside the web root): a file lives at
 * {@code ab/cd/<sha256>}, its thumbnail beside it, so the same bytes are stored once whatever their name. Only JPEG,
 * PNG, WebP and PDF are accepted, recognised by their leading bytes, up to {@link #MAX_BYTES} each. This class
 * does not check who may read a file; the download controller asks the {@link EvidenceAccessPolicy} beans.
 */
@Service
@Transactional(readOnly = true)
public class EvidenceStore {

    public static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Logger LOG = LoggerFactory.getLogger(EvidenceStore.class);

    private final Path root;
    private final JdbcClient jdbc;

    EvidenceStore(@Value("${kepu.files.dir}") String dir, JdbcClient jdbc) {
        this.root = Path.of(dir).toAbsolutePath().normalize();
        this.jdbc = jdbc;
    }

    /**
     * Stores the bytes (once per content) and returns what was detected. Refuses other types, files over 20 MB,
     * images that cannot be decoded and images with more than {@link ImageProbe#MAX_PIXELS} pixels.
     */
    @Transactional
    public StoredFile store(InputStream in, String originalName) {
        String name = originalName == null || originalName.isBlank() ? "-" : originalName;
        Path tmp = null;
        try {
            Path tmpDir = Files.createDirectories(root.resolve("tmp"));
            tmp = Files.createTempFile(tmpDir, "upload", ".part");
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] head = new byte[ContentSniffer.HEADER_BYTES];
            int headLen = 0;
            long size = 0;
            byte[] buf = new byte[64 * 1024];
            try (InputStream src = in; OutputStream out = Files.newOutputStream(tmp)) {
                int n;
                while ((n = src.read(buf)) > 0) {
                    size += n;
                    if (size > MAX_BYTES) {
                        throw new BadRequestException("evidence.error.tooLarge", name);
                    }
                    if (headLen < head.length) {
                        int c = Math.min(n, head.length - headLen);
                        System.arraycopy(buf, 0, head, headLen, c);
                        headLen += c;
                    }
                    md.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            }
            if (size == 0) {
                throw new BadRequestException("evidence.error.empty", name);
            }
            String type = ContentSniffer.detect(head, headLen);
            if (type == null) {
                throw new BadRequestException("evidence.error.unsupportedType", name);
            }
            Integer width = null;
            Integer height = null;
            if (type.startsWith("image/")) {
                int[] dims = probe(tmp, name);
                if ((long) dims[0] * dims[1] > ImageProbe.MAX_PIXELS) {
                    throw new BadRequestException("evidence.error.imageTooLarge", name);
                }
                width = dims[0];
                height = dims[1];
            }
            String sha = HexFormat.of().formatHex(md.digest());
            Path target = fileOf(sha);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(tmp);
            } else {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            tmp = null;
            jdbc.sql("""
                    insert into evidence_file (sha256, content_type, size_bytes, width, height)
                    values (:sha, :type, :size, :w, :h) on conflict (sha256) do nothing
                    """).param("sha", sha).param("type", type).param("size", size).param("w", width)
                    .param("h", height).update();
            if (width != null) {
                thumbnailQuietly(sha, target);
            }
            return find(sha).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.warn("Cannot delete temporary upload {}", tmp, e);
                }
            }
        }
    }

    public Optional<StoredFile> find(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("select sha256, content_type, size_bytes, width, height from evidence_file where sha256 = :s")
                .param("s", sha256)
                .query((rs, i) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getLong(3),
                        (Integer) rs.getObject(4), (Integer) rs.getObject(5)))
                .optional();
    }

    /** The stored bytes; {@link NotFoundException} for unknown hashes. */
    public FileContent open(String sha256) {
        StoredFile f = find(sha256).orElseThrow(() -> new NotFoundException("error.notFound"));
        Path p = fileOf(f.sha256());
        if (!Files.isRegularFile(p)) {
            throw new NotFoundException("error.notFound");
        }
        return new FileContent(p, f.contentType(), f.size());
    }

    /** A JPEG thumbnail: the image scaled to at most 320 px, or a generic icon for PDFs and undecodable images. */
    public FileContent thumbnail(String sha256) {
        StoredFile f = find(sha256).orElseThrow(() -> new NotFoundException("error.notFound"));
        Path thumb = thumbOf(f.sha256());
        if (f.image() && !Files.isRegularFile(thumb)) {
            thumbnailQuietly(f.sha256(), fileOf(f.sha256()));
        }
        if (!f.image() || !Files.isRegularFile(thumb)) {
            thumb = pdfIcon();
        }
        try {
            return new FileContent(thumb, "image/jpeg", Files.size(thumb));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path pdfIcon() {
        Path icon = root.resolve("icons").resolve("pdf.jpg");
        if (!Files.isRegularFile(icon)) {
            try {
                Files.createDirectories(icon.getParent());
                PdfIcon.write(icon);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return icon;
    }

    private void thumbnailQuietly(String sha, Path file) {
        Path thumb = thumbOf(sha);
        if (Files.isRegularFile(thumb)) {
            return;
        }
        try {
            ImageProbe.thumbnail(file, thumb);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot make a thumbnail of {}: {}", sha, e.toString());
        }
    }

    private static int[] probe(Path file, String name) {
        try {
            int[] dims = ImageProbe.dimensions(file);
            if (dims == null || dims[0] <= 0 || dims[1] <= 0) {
                throw new BadRequestException("evidence.error.corrupt", name);
            }
            return dims;
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadRequestException b) {
                throw b;
            }
            throw new BadRequestException("evidence.error.corrupt", name);
        }
    }

    private Path fileOf(String sha) {
        return root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    }

    private Path thumbOf(String sha) {
        return root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha + ".thumb.jpg");
    }
}
