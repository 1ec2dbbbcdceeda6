package org.kepu.activity.ledger;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The Excel ledger pages: template download, import with a progress page, export of the filtered list. */
@Controller
class LedgerPageController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String IMPORT_VIEW = "activity/ledger/import";
    static final String JOB_VIEW = "activity/ledger/job";
    static final String PROGRESS_VIEW = "activity/ledger/progress";

    private final LedgerTemplateWriter templates;
    private final ImportJobs jobs;
    private final LedgerExportService exports;

    LedgerPageController(LedgerTemplateWriter templates, ImportJobs jobs, LedgerExportService exports) {
        this.templates = templates;
        this.jobs = jobs;
        this.exports = exports;
    }

    @GetMapping("/activities/ledger/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        if (user.scope().none()) {
            throw new NotFoundException("error.notFound");
        }
        attachment(response, "科普活动台账导入模板.xlsx");
        templates.write(user, response.getOutputStream());
    }

    @GetMapping("/activities/ledger/import")
    String importPage(Model model) {
        LedgerImportService.requireImporter(CurrentUsers.require());
        return importView(model, null);
    }

    @PostMapping("/activities/ledger/import")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        CurrentUser user = CurrentUsers.require();
        LedgerImportService.requireImporter(user);
        if (file == null || file.isEmpty()) {
            return importView(model, "ledger.import.noFile");
        }
        ImportJob job = jobs.start(user, file.getInputStream(), originalName(file));
        return "redirect:/activities/ledger/import/" + job.id();
    }

    @GetMapping("/activities/ledger/import/{jobId}")
    String job(@PathVariable String jobId, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        ImportJob job = jobs.require(jobId, CurrentUsers.require());
        model.addAttribute("view", LedgerJobView.of(job));
        return htmx != null ? PROGRESS_VIEW : JOB_VIEW;
    }

    @GetMapping("/activities/ledger/export.xlsx")
    void export(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        exports.export(params, user, () -> {
            attachment(response, "科普活动台账.xlsx");
            return response.getOutputStream();
        });
    }

    private static String importView(Model model, String error) {
        model.addAttribute("error", error);
        model.addAttribute("maxMegabytes", LedgerLimits.MAX_FILE_BYTES / 1024 / 1024);
        model.addAttribute("maxRows", LedgerLimits.MAX_ROWS);
        return IMPORT_VIEW;
    }

    static String originalName(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null) {
            return null;
        }
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static void attachment(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
    }
}
