package org.kepu.notification.web;

import org.kepu.notification.internal.NotificationService;
import org.kepu.shared.CurrentUser;
import org.kepu.shared.CurrentUsers;
import org.kepu.shared.PageResult;
import org.kepu.shared.web.PageContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's inbox: the list, opening one notification (marks it read and follows its link), marking all
 * read, and the unread badge the layout loads once per page (never polled, so an open tab does not keep an idle
 * session alive).
 */
@Controller
class NotificationController {

    private final NotificationService notifications;
    private final MessageSource messages;

    NotificationController(NotificationService notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    @GetMapping("/notifications")
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) String unread,
            Model model) {
        CurrentUser user = CurrentUsers.require();
        boolean unreadOnly = unread != null && !unread.isBlank();
        PageResult<NotificationService.Item> result = notifications.list(user.id(), unreadOnly,
                PageResult.clampPage(page), 20);
        model.addAttribute("result", result);
        model.addAttribute("unreadOnly", unreadOnly);
        model.addAttribute("unreadCount", notifications.unreadCount(user.id()));
        return "notification/list";
    }

    @GetMapping("/notifications/badge")
    String badge(Model model) {
        model.addAttribute("unreadCount", notifications.unreadCount(CurrentUsers.require().id()));
        return "notification/badge";
    }

    @PostMapping("/notifications/{id:\\d+}/open")
    String open(@PathVariable long id) {
        NotificationService.Item item = notifications.open(CurrentUsers.require().id(), id);
        return "redirect:" + (item.link() == null ? "/notifications" : item.link());
    }

    @PostMapping("/notifications/read-all")
    String readAll(RedirectAttributes redirect) {
        int n = notifications.readAll(CurrentUsers.require().id());
        redirect.addFlashAttribute("flash", n == 0
                ? messages.getMessage("notification.noneUnread", null, PageContext.LOCALE)
                : messages.getMessage("notification.allRead", new Object[] {n}, PageContext.LOCALE));
        return "redirect:/notifications";
    }
}
