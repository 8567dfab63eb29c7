package dev.powspring.sample.notes;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.powspring.user.PowUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notes for API clients, signed in by the access token of Pow's API in the
 * {@code Authorization} header: no cookie and no CSRF token.
 */
@RestController
@RequestMapping("/api/v1/notes")
@PreAuthorize("isAuthenticated()")
class NotesApiController {

	private static final int MAX_LENGTH = 2000;

	private final NoteRepository notes;

	private final Clock clock;

	NotesApiController(NoteRepository notes, Clock clock) {
		this.notes = notes;
		this.clock = clock;
	}

	@GetMapping
	Map<String, Object> index(@AuthenticationPrincipal PowUser user) {
		List<Map<String, Object>> data = this.notes.findByOwnerIdOrderByCreatedAtDescIdDesc(user.getId())
			.stream()
			.map(NotesApiController::describe)
			.toList();
		return Map.of("data", data);
	}

	@PostMapping
	ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal PowUser user,
			@RequestBody NoteRequest request) {
		String text = (request.note() != null && request.note().body() != null) ? request.note().body().strip() : "";
		if (text.isEmpty() || text.length() > MAX_LENGTH) {
			String error = text.isEmpty() ? "can't be blank" : "should be at most 2000 characters";
			return ResponseEntity.unprocessableContent()
				.body(Map.of("error", Map.of("status", 422, "message", "Couldn't save the note", "errors",
						Map.of("body", List.of(error)))));
		}
		Note note = this.notes.save(new Note(user.getId(), text, this.clock.instant()));
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("data", describe(note)));
	}

	private static Map<String, Object> describe(Note note) {
		return Map.of("id", note.getId(), "body", note.getBody(), "inserted_at", note.getCreatedAt());
	}

	/**
	 * A note as clients send it: {@code {"note": {"body": "..."}}}.
	 *
	 * @param note the note
	 */
	record NoteRequest(NoteFields note) {

	}

	/**
	 * The fields of a note.
	 *
	 * @param body the text
	 */
	record NoteFields(String body) {

	}

}
