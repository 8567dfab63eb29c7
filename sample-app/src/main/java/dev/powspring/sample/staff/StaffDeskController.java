package dev.powspring.sample.staff;

import dev.powspring.session.CurrentUser;
import dev.powspring.user.PowUser;
import dev.powspring.web.guard.RequireAuthenticated;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff desk, for users of the realm {@code staff} only: a member's session is
 * anonymous here, and a staff session anonymous on the members' pages.
 */
@Controller
class StaffDeskController {

	@GetMapping("/staff")
	@RequireAuthenticated(realm = "staff")
	String desk(@CurrentUser(realm = "staff") PowUser staff, Model model) {
		model.addAttribute("staff", staff);
		return "staff/desk";
	}

}
