package dev.powspring.mail.mailbox;

import java.util.regex.Pattern;

import dev.powspring.web.PowController;
import dev.powspring.web.csrf.CsrfProtected;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;

/**
 * The mailbox page: every captured mail with its subject and recipient, its text with
 * clickable links, and its HTML rendered in a sandboxed frame.
 */
@Controller
@PowController
@RequestMapping("/dev/mailbox")
@CsrfProtected
public class MailboxController {

	private static final Pattern LINK = Pattern.compile("(https?://[^\\s<\"]+)");

	private final DevelopmentMailbox mailbox;

	public MailboxController(DevelopmentMailbox mailbox) {
		this.mailbox = mailbox;
	}

	@GetMapping
	String index(Model model) {
		model.addAttribute("mails", this.mailbox.mails());
		return "pow/mailbox/index";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		DevelopmentMailbox.CapturedMail captured = this.mailbox.mail(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("captured", captured);
		model.addAttribute("textHtml", linked(captured.mail().text()));
		return "pow/mailbox/show";
	}

	// Escaped first, so the mail's text cannot add markup; then its links made clickable.
	private static String linked(String text) {
		return LINK.matcher(HtmlUtils.htmlEscape(text)).replaceAll("<a href=\"$1\">$1</a>");
	}

	@DeleteMapping
	String clear() {
		this.mailbox.clear();
		return "redirect:/dev/mailbox";
	}

}
