package org.kepu.region.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kepu.region.internal.DivisionAccess;
import org.kepu.region.internal.DivisionCsvFiles;
import org.kepu.region.internal.DivisionImportException;
import org.kepu.region.internal.DivisionImportResult;
import org.kepu.region.internal.DivisionImporter;
import org.kepu.shared.BadRequestException;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** The import page: a zip with the five CSV files or the five files one by one, and the root code. */
@Controller
class DivisionImportController {

    static final String IMPORT = "region/import";

    private final DivisionImporter importer;
    private final MessageSource messages;

    DivisionImportController(DivisionImporter importer, MessageSource messages) {
        this.importer = importer;
        this.messages = messages;
    }

    @GetMapping("/divisions/import")
    String form(Model model) {
        allowed();
        return page(model, "", null, List.of(), null);
    }

    @PostMapping("/divisions/import")
    String upload(@RequestParam(defaultValue = "") String root, MultipartHttpServletRequest request, Model model,
            jakarta.servlet.http.HttpServletResponse response) throws IOException {
        allowed();
        try {
            DivisionCsvFiles files = files(request);
            DivisionImportResult r = importer.importSubtree(files, root);
            return page(model, root, null, List.of(), text("division.import.done", r.rootName(), r.rootCode(),
                    r.total(), r.inserted(), r.updated(), r.unchanged()));
        } catch (DivisionImportException e) {
            response.setStatus(400);
            return page(model, root, text(e.messageKey(), e.args()), e.problems(), null);
        } catch (BadRequestException e) {
            response.setStatus(400);
            return page(model, root, text(e.messageKey(), e.args()), List.of(), null);
        }
    }

    private DivisionCsvFiles files(MultipartHttpServletRequest request) throws IOException {
        MultipartFile zip = request.getFile("zip");
        if (zip != null && !zip.isEmpty()) {
            try (InputStream in = zip.getInputStream()) {
                return DivisionCsvFiles.fromZip(in);
            }
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : DivisionCsvFiles.NAMES) {
            MultipartFile f = request.getFile(name.replace(".csv", ""));
            if (f != null && !f.isEmpty()) {
                files.put(name, f.getBytes());
            }
        }
        if (files.isEmpty()) {
            throw new BadRequestException("division.import.noFiles");
        }
        return DivisionCsvFiles.of(files);
    }

    private static void allowed() {
        CurrentUser user = CurrentUsers.require();
        if (!DivisionAccess.canImport(user)) {
            throw new ForbiddenException("error.forbidden");
        }
    }

    private String page(Model model, String root, String error, List<String> problems, String done) {
        model.addAttribute("root", root);
        model.addAttribute("error", error);
        model.addAttribute("problems", problems);
        model.addAttribute("done", done);
        return IMPORT;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, PageContext.LOCALE);
    }
}
