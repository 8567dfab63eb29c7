package dev.powspring.sample;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page.
 */
@Controller
class HomeController {

	private final UserDirectory userDirectory;

	HomeController(UserDirectory userDirectory) {
		this.userDirectory = userDirectory;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("userCount", this.userDirectory.count());
		return "home";
	}

}
