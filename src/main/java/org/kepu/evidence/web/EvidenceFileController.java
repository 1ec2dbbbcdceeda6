package org.kepu.evidence.web;

import java.util.List;
import org.kepu.evidence.EvidenceAccessPolicy;
import org.kepu.evidence.EvidenceStore;
import org.kepu.evidence.FileContent;
import org.kepu.shared.NotFoundException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Downloads of evidence files and thumbnails, only for callers who can see a record that uses the file. */
@Controller
class EvidenceFileController {

    private final EvidenceStore store;
    private final List<EvidenceAccessPolicy> policies;

    EvidenceFileController(EvidenceStore store, List<EvidenceAccessPolicy> policies) {
        this.store = store;
        this.policies = policies;
    }

    @GetMapping("/evidence/{sha256}")
    ResponseEntity<Resource> file(@PathVariable String sha256) {
        check(sha256);
        FileContent f = store.open(sha256);
        boolean pdf = "application/pdf".equals(f.contentType());
        String name = sha256.substring(0, 12) + extension(f.contentType());
        return respond(f, (pdf ? ContentDisposition.attachment() : ContentDisposition.inline()).filename(name)
                .build().toString());
    }

    @GetMapping("/evidence/{sha256}/thumbnail")
    ResponseEntity<Resource> thumbnail(@PathVariable String sha256) {
        check(sha256);
        return respond(store.thumbnail(sha256), ContentDisposition.inline().filename("thumbnail.jpg").build()
                .toString());
    }

    private void check(String sha256) {
        if (store.find(sha256).isEmpty() || policies.stream().noneMatch(p -> p.canRead(sha256))) {
            throw new NotFoundException("error.notFound");
        }
    }

    private static ResponseEntity<Resource> respond(FileContent f, String disposition) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.contentType()))
                .contentLength(f.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(new FileSystemResource(f.path()));
    }

    private static String extension(String type) {
        return switch (type) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            default -> ".pdf";
        };
    }
}
