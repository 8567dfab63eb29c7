package dev.powspring.testing.app;

import dev.powspring.session.CurrentUser;
import dev.powspring.user.PowUser;
import dev.powspring.web.csrf.CsrfProtected;
import dev.powspring.web.guard.RequireAuthenticated;
import dev.powspring.web.guard.RequireRole;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notes for signed-in members, and a report for admins.
 */
@RestController
@CsrfProtected
public class NotesController {

	@GetMapping("/notes")
	@RequireAuthenticated
	public String notes(@CurrentUser Member member) {
		return "notes of " + member.getUserId();
	}

	@PostMapping("/notes")
	@RequireAuthenticated
	public String add(@CurrentUser Member member, @RequestParam String body) {
		return member.getUserId() + " wrote " + body;
	}

	@PostMapping("/staff/desk")
	@RequireAuthenticated(realm = "staff")
	public String desk(@CurrentUser(realm = "staff") PowUser staff, @RequestParam String note) {
		return staff.getUserId() + " left " + note;
	}

	@GetMapping("/report")
	@RequireRole("admin")
	public String report(@CurrentUser Member member) {
		return "report for " + member.getUserId();
	}

}
