package org.kepu.audit.web;

import java.util.Map;
import org.kepu.audit.AuditChainVerifier;
import org.kepu.audit.AuditLog;
import org.kepu.audit.internal.AuditFilter;
import org.kepu.audit.internal.AuditQueries;
import org.kepu.audit.internal.AuditRetention;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.ForbiddenException;
import org.kepu.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The audit admin's viewer of the operation log, with the hash-chain check. */
@Controller
class AuditController {

    private final AuditQueries queries;
    private final AuditChainVerifier verifier;
    private final AuditLog audit;
    private final AuditRetention retention;
    private final TransactionTemplate tx;

    AuditController(AuditQueries queries, AuditChainVerifier verifier, AuditLog audit, AuditRetention retention,
            TransactionTemplate tx) {
        this.queries = queries;
        this.verifier = verifier;
        this.audit = audit;
        this.retention = retention;
        this.tx = tx;
    }

    @GetMapping("/audit")
    String list(AuditFilter filter, Model model) {
        model.addAttribute("result", queries.search(filter));
        model.addAttribute("filter", filter);
        model.addAttribute("actions", queries.actions());
        model.addAttribute("entityTypes", queries.entityTypes());
        model.addAttribute("retentionDays", retention.days());
        return "audit/index";
    }

    @PostMapping("/audit/verify")
    String verify(RedirectAttributes redirect) {
        if (!CurrentUsers.require().is(Role.AUDIT_ADMIN)) {
            throw new ForbiddenException("error.forbidden");
        }
        var broken = verifier.firstBrokenRow();
        tx.executeWithoutResult(s -> audit.record("VERIFY_CHAIN", "audit_log", null, null,
                Map.of("intact", broken.isEmpty(), "firstBrokenRow", broken.map(String::valueOf).orElse(""))));
        redirect.addFlashAttribute("chainChecked", true);
        redirect.addFlashAttribute("brokenRow", broken.orElse(null));
        return "redirect:/audit";
    }
}
