package dev.powspring.sample.notes;

import java.time.Clock;

import dev.powspring.user.PowUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The protected area: a signed-in user's own notes. Spring Security guards it, with the
 * signed-in Pow user as the principal; its forms carry Pow's CSRF token, which Spring
 * Security checks.
 */
@Controller
@RequestMapping("/notes")
@PreAuthorize("isAuthenticated()")
class NotesController {

	private static final int MAX_LENGTH = 2000;

	private final NoteRepository notes;

	private final Clock clock;

	NotesController(NoteRepository notes, Clock clock) {
		this.notes = notes;
		this.clock = clock;
	}

	@GetMapping
	String index(@AuthenticationPrincipal PowUser user, Model model) {
		model.addAttribute("notes", this.notes.findByOwnerIdOrderByCreatedAtDescIdDesc(user.getId()));
		return "notes";
	}

	@PostMapping
	String create(@AuthenticationPrincipal PowUser user, @RequestParam(defaultValue = "") String body, Model model) {
		String text = body.strip();
		if (text.isEmpty() || text.length() > MAX_LENGTH) {
			model.addAttribute("bodyError", text.isEmpty() ? "Write something first." : "Keep it under 2000 characters.");
			model.addAttribute("body", body);
			return index(user, model);
		}
		this.notes.save(new Note(user.getId(), text, this.clock.instant()));
		return "redirect:/notes";
	}

	@DeleteMapping("/{id}")
	String delete(@AuthenticationPrincipal PowUser user, @PathVariable Long id) {
		if (this.notes.deleteByIdAndOwnerId(id, user.getId()) == 0) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:/notes";
	}

}
