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

	private final UserDirectory userDirectory;

	private final boolean mailboxEnabled;

	HomeController(UserDirectory userDirectory, @Value("${pow.mailbox.enabled:false}") boolean mailboxEnabled) {
		this.userDirectory = userDirectory;
		this.mailboxEnabled = mailboxEnabled;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("userCount", this.userDirectory.count());
		model.addAttribute("mailboxEnabled", this.mailboxEnabled);
		return "home";
	}

}
