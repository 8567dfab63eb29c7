package dev.powspring.testapp.web;

import java.util.Map;

import dev.powspring.session.CurrentUser;
import dev.powspring.user.PowUser;
import dev.powspring.web.guard.RequireAuthenticated;
import dev.powspring.web.guard.RequireRole;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class NotesController {

	@GetMapping("/")
	String home(@CurrentUser PowUser user) {
		return (user != null) ? "home of " + user.getUserId() : "home";
	}

	@GetMapping("/notes")
	@RequireAuthenticated
	String notes(@CurrentUser PowUser user) {
		return "notes of " + user.getUserId();
	}

	@GetMapping("/api/me")
	Map<String, Object> me(@CurrentUser PowUser user) {
		return Map.of("userId", user.getUserId());
	}

	@GetMapping("/admin/report")
	@RequireRole("admin")
	String adminReport(@CurrentUser PowUser user) {
		return "report for " + user.getUserId();
	}

	@GetMapping("/staff/board")
	String staffBoard(@CurrentUser PowUser user) {
		return "board for " + user.getUserId();
	}

}
