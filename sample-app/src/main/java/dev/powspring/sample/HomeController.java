package dev.powspring.sample;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page.
 */
@Controller
class HomeController {

	private final boolean mailboxEnabled;

	HomeController(@Value("${pow.mailbox.enabled:false}") boolean mailboxEnabled) {
		this.mailboxEnabled = mailboxEnabled;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("mailboxEnabled", this.mailboxEnabled);
		return "home";
	}

}
